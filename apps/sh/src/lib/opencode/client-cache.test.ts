import { afterEach, describe, expect, it } from 'vitest';
import { forgetClient, getClient } from './client-cache.ts';
import { testConnection } from '$test-support/fetch.ts';

describe('getClient', () => {
	afterEach(() => {
		forgetClient('ws-1');
		forgetClient('ws-2');
	});

	it('reuses one client per workspace', () => {
		expect(getClient(testConnection())).toBe(getClient(testConnection()));
	});

	it('keeps workspaces apart', () => {
		expect(getClient(testConnection({ id: 'ws-2' }))).not.toBe(getClient(testConnection()));
	});

	it.each([{ password: 'changed' }, { username: 'other' }, { url: 'http://127.0.0.1:4097' }])(
		'makes a new client when the connection changes: %o',
		(change) => {
			const before = getClient(testConnection());
			const after = getClient(testConnection(change));
			expect(after).not.toBe(before);
			expect(getClient(testConnection(change))).toBe(after);
		}
	);

	it('forgets a workspace', () => {
		const before = getClient(testConnection());
		forgetClient('ws-1');
		expect(getClient(testConnection())).not.toBe(before);
	});
});
