import 'fake-indexeddb/auto';
import { clear, createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { isSealed, PasswordUnavailableError, seal, unseal } from './seal.ts';

beforeEach(async () => {
	await clear(createStore('opencode-sh', 'keys'));
});

describe('sealing passwords', () => {
	it('round-trips any password, and never stores it readable', async () => {
		const password = 'pä ss"wörd$! ✓';
		const sealed = await seal(password);
		expect(isSealed(sealed)).toBe(true);
		expect(sealed).not.toContain(password);
		expect(sealed).not.toContain(btoa('ss'));
		expect(await unseal(sealed)).toBe(password);
	});

	it('uses a fresh IV each time', async () => {
		expect(await seal('same')).not.toBe(await seal('same'));
	});

	it('keeps a non-extractable key', async () => {
		await seal('x');
		const { loadSealingKey } = await import('./key-store.ts');
		const key = await loadSealingKey();
		expect(key?.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
	});

	it('reports a missing key as a password to ask for again', async () => {
		const sealed = await seal('secret');
		await clear(createStore('opencode-sh', 'keys'));
		await expect(unseal(sealed)).rejects.toBeInstanceOf(PasswordUnavailableError);
		// A new key (made by a later seal) cannot open the old ciphertext either.
		await seal('other');
		await expect(unseal(sealed)).rejects.toBeInstanceOf(PasswordUnavailableError);
	});

	it('passes plain-text entries from before sealing through unchanged', async () => {
		expect(isSealed('plain')).toBe(false);
		expect(await unseal('plain')).toBe('plain');
	});
});
