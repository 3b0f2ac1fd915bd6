import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../workspace.ts';
import { createWorkspaceStore, WORKSPACES_KEY, type WorkspaceStore } from '../workspaces.svelte.ts';
import { exportWorkspaces } from './export-workspaces.ts';
import { decryptPasswords, parseExportFile, previewImport } from './import-workspaces.ts';

const testSeal = async (password: string) => `sealed:v1:test:${password}`;
const readPassword = async (w: Workspace) => w.password.replace('sealed:v1:test:', '');

function workspace(overrides: Partial<Workspace> = {}): Workspace {
	return {
		id: 'ws-a',
		name: 'Alpha',
		url: 'http://localhost:4096',
		port: 4096,
		username: 'opencode',
		password: 'sealed:v1:test:pä ss"wörd',
		createdAt: 1,
		lastUsedAt: 2,
		...overrides
	};
}

let store: WorkspaceStore;
beforeEach(() => {
	localStorage.clear();
	store = createWorkspaceStore({ sealPassword: testSeal });
});
afterEach(() => store.destroy());

function parse(text: string) {
	const parsed = parseExportFile(text);
	if (!parsed.ok) throw new Error(parsed.problem.description);
	return parsed.file;
}

describe('export', () => {
	it('leaves passwords out by default', async () => {
		const text = await exportWorkspaces([workspace()], { readPassword });
		expect(text).not.toContain('pä ss');
		expect(text).not.toContain('sealed:');
		const file = parse(text);
		expect(file.version).toBe(1);
		expect(file.passwords).toBeUndefined();
		expect(file.workspaces[0]).not.toHaveProperty('password');
	});

	// PBKDF2 with 600,000 iterations runs twice here: seconds on a busy machine.
	it(
		'encrypts passwords with a passphrase, and only the right passphrase opens them',
		{ timeout: 30_000 },
		async () => {
			const text = await exportWorkspaces([workspace()], {
				readPassword,
				passphrase: 'correct horse'
			});
			expect(text).not.toContain('pä ss');
			const file = parse(text);
			const wrong = await decryptPasswords(file, 'wrong');
			expect(wrong.ok).toBe(false);
			const right = await decryptPasswords(file, 'correct horse');
			expect(right.ok && right.passwords.get('ws-a')).toBe('pä ss"wörd');
		}
	);
});

describe('import', () => {
	it.each([
		['not json', '{', /not JSON/],
		[
			'another format',
			JSON.stringify({ format: 'x', version: 1 }),
			/not an Opencode SH workspace export/
		],
		[
			'a future version',
			JSON.stringify({
				format: 'opencode-sh.workspaces',
				version: 2,
				exportedAt: '',
				workspaces: []
			}),
			/version/
		],
		[
			'extra keys',
			JSON.stringify({
				format: 'opencode-sh.workspaces',
				version: 1,
				exportedAt: '',
				workspaces: [],
				__proto__x: 1
			}),
			/not an Opencode SH/
		],
		[
			'a javascript: URL',
			JSON.stringify({
				format: 'opencode-sh.workspaces',
				version: 1,
				exportedAt: '',
				workspaces: [{ ...workspace({ url: 'javascript:alert(1)' }), password: undefined }]
			}),
			/invalid url/
		],
		['a huge file', 'x'.repeat(1_000_001), /larger/]
	])('refuses %s with a clear message', (_label, text, message) => {
		const parsed = parseExportFile(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem.description).toMatch(message);
	});

	it(
		'previews new entries, updates by id and duplicates by URL, then merges losing nothing',
		{ timeout: 30_000 },
		async () => {
			localStorage.setItem(
				WORKSPACES_KEY,
				JSON.stringify([
					workspace({ id: 'ws-a', name: 'Local A', lastUsedAt: 50 }),
					workspace({ id: 'ws-local', name: 'Only here', url: 'http://localhost:5000' })
				])
			);
			store.destroy();
			store = createWorkspaceStore({ sealPassword: testSeal });
			const exported = await exportWorkspaces(
				[
					workspace({ id: 'ws-a', name: 'Renamed A', lastUsedAt: 10 }),
					workspace({ id: 'ws-new', name: 'New', url: 'http://localhost:6000' }),
					workspace({ id: 'ws-dup', name: 'Dup', url: 'http://localhost:5000/' })
				],
				{ readPassword, passphrase: 'pp' }
			);
			const file = parse(exported);
			const preview = previewImport(file, store.list);
			expect(preview.map((p) => [p.workspace.id, p.action])).toEqual([
				['ws-a', 'update'],
				['ws-new', 'new'],
				['ws-dup', 'same_url']
			]);
			const decrypted = await decryptPasswords(file, 'pp');
			if (!decrypted.ok) throw new Error('decrypt');
			const result = await store.importWorkspaces(preview, decrypted.passwords);
			expect(result).toEqual({ added: 1, updated: 1, skipped: 1 });
			expect(store.list.map((w) => [w.id, w.name])).toEqual([
				['ws-a', 'Renamed A'],
				['ws-local', 'Only here'],
				['ws-new', 'New']
			]);
			const updated = store.getWorkspace('ws-a');
			expect(updated?.lastUsedAt).toBe(50);
			expect(updated?.password).toBe('sealed:v1:test:pä ss"wörd');
		}
	);

	it('keeps local passwords when the file has none', async () => {
		localStorage.setItem(
			WORKSPACES_KEY,
			JSON.stringify([workspace({ password: 'sealed:v1:test:mine' })])
		);
		store.destroy();
		store = createWorkspaceStore({ sealPassword: testSeal });
		const file = parse(
			await exportWorkspaces([workspace({ name: 'From file' })], { readPassword })
		);
		await store.importWorkspaces(previewImport(file, store.list), new Map());
		expect(store.getWorkspace('ws-a')).toMatchObject({
			name: 'From file',
			password: 'sealed:v1:test:mine'
		});
	});
});
