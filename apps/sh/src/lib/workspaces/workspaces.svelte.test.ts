import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceStore, WORKSPACES_KEY, type WorkspaceStore } from './workspaces.svelte.ts';
import type { Workspace, WorkspaceInput } from './workspace.ts';

const stores: WorkspaceStore[] = [];
/** Stands in for AES-GCM sealing (tested on its own in sealing/): visible, but marked sealed. */
const testSeal = async (password: string) => `sealed:v1:test:${password}`;

function openTab(now?: () => number) {
	const store = createWorkspaceStore({ now, sealPassword: testSeal });
	stores.push(store);
	return store;
}

function input(overrides: Partial<WorkspaceInput> = {}): WorkspaceInput {
	return {
		name: 'My project',
		url: 'https://abc123.ngrok-free.app',
		port: 52341,
		username: 'opencode',
		password: 'secret',
		...overrides
	};
}

function storedWorkspace(overrides: Partial<Workspace> = {}): Workspace {
	return {
		id: 'ws-1',
		name: 'Stored',
		url: 'http://localhost:4096',
		port: 4096,
		username: 'opencode',
		password: 'pw',
		createdAt: 1,
		lastUsedAt: 2,
		...overrides
	};
}

function saved(): unknown {
	return JSON.parse(localStorage.getItem(WORKSPACES_KEY) ?? 'null');
}

function backups(): string[] {
	return Object.keys(localStorage).filter((key) => key.startsWith(`${WORKSPACES_KEY}.backup.`));
}

/** What the browser does in every other tab after one writes. */
function deliverStorageEvent() {
	window.dispatchEvent(
		new StorageEvent('storage', {
			key: WORKSPACES_KEY,
			newValue: localStorage.getItem(WORKSPACES_KEY),
			storageArea: localStorage
		})
	);
}

beforeEach(() => localStorage.clear());
afterEach(() => {
	while (stores.length) stores.pop()?.destroy();
});

describe('CRUD', () => {
	it('starts empty with no notice for a first-time user', async () => {
		const store = openTab();
		expect(store.list).toEqual([]);
		expect(store.takeNotices()).toEqual([]);
	});

	it('creates a workspace with an id and both times, and persists it', async () => {
		const store = openTab(() => 1000);
		const result = await store.createWorkspace(input({ name: '  Padded  ', url: 'http://h:1/' }));
		if (!result.ok) throw new Error('expected success');
		expect(result.workspace).toMatchObject({
			name: 'Padded',
			url: 'http://h:1',
			createdAt: 1000,
			lastUsedAt: 1000
		});
		expect(result.workspace.id).toMatch(/^[\w-]{21}$/);
		expect(result.workspace.password).toBe('sealed:v1:test:secret');
		expect(saved()).toEqual([result.workspace]);
		expect(store.getWorkspace(result.workspace.id)).toEqual(result.workspace);
	});

	it('updates, marks used and deletes by id', async () => {
		let time = 1000;
		const store = openTab(() => time);
		const a = await store.createWorkspace(input({ name: 'A' }));
		const b = await store.createWorkspace(input({ name: 'B' }));
		if (!a.ok || !b.ok) throw new Error('expected success');

		const updated = await store.updateWorkspace(a.workspace.id, { name: 'A2', port: 4096 });
		expect(updated.ok && updated.workspace).toMatchObject({ name: 'A2', port: 4096 });
		expect(store.getWorkspace(b.workspace.id)?.name).toBe('B');

		time = 5000;
		store.markWorkspaceUsed(b.workspace.id);
		expect(store.getWorkspace(b.workspace.id)?.lastUsedAt).toBe(5000);
		expect(store.getWorkspace(a.workspace.id)?.lastUsedAt).toBe(1000);

		store.deleteWorkspace(a.workspace.id);
		expect(store.list.map((w) => w.name)).toEqual(['B']);
		expect((saved() as Workspace[]).map((w) => w.name)).toEqual(['B']);
	});

	it('refuses to update a workspace that is gone', async () => {
		const store = openTab();
		expect((await store.updateWorkspace('missing', { name: 'x' })).ok).toBe(false);
	});
});

describe('validation: clear messages, nothing saved', () => {
	it.each([
		[{ url: 'ftp://example.com' }, 'url', /http:\/\/ or https:\/\//],
		[{ url: 'not a url' }, 'url', /full URL/],
		[{ url: 'https://user:pw@example.com' }, 'url', /out of the URL/],
		[{ port: 0 }, 'port', /between 1 and 65535/],
		[{ port: 65536 }, 'port', /between 1 and 65535/],
		[{ port: 80.5 }, 'port', /whole number/],
		[{ port: Number.NaN }, 'port', /port/i],
		[{ name: '   ' }, 'name', /name/],
		[{ name: 'x'.repeat(81) }, 'name', /80 characters/]
	] as const)('rejects %o', async (override, field, message) => {
		const store = openTab();
		const result = await store.createWorkspace(input(override as Partial<WorkspaceInput>));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[field]).toMatch(message);
		expect(store.list).toEqual([]);
		expect(localStorage.getItem(WORKSPACES_KEY)).toBeNull();
	});

	it('keeps a stored workspace unchanged when an edit is invalid', async () => {
		const store = openTab();
		const created = await store.createWorkspace(input());
		if (!created.ok) throw new Error('expected success');
		const result = await store.updateWorkspace(created.workspace.id, { port: 70000 });
		expect(result.ok).toBe(false);
		expect(store.getWorkspace(created.workspace.id)?.port).toBe(52341);
	});

	it('accepts a name of exactly 80 characters and ports at both ends', async () => {
		const store = openTab();
		expect((await store.createWorkspace(input({ name: 'x'.repeat(80), port: 1 }))).ok).toBe(true);
		expect((await store.createWorkspace(input({ port: 65535 }))).ok).toBe(true);
	});
});

describe('recovery from damaged storage, losing nothing', () => {
	it('backs up corrupt JSON, starts empty and tells the user once', async () => {
		localStorage.setItem(WORKSPACES_KEY, '[{"id": "half');
		const store = openTab();
		expect(store.list).toEqual([]);
		const [backup] = backups();
		expect(localStorage.getItem(backup!)).toBe('[{"id": "half');
		const notices = store.takeNotices();
		expect(notices).toHaveLength(1);
		expect(notices[0]?.description).toContain(backup);
		expect(store.takeNotices()).toEqual([]);

		// The clean list replaced the damage, so the next load has nothing to report.
		expect(saved()).toEqual([]);
		expect(openTab().takeNotices()).toEqual([]);
	});

	it('keeps every valid entry and backs up only the invalid ones', async () => {
		const good = storedWorkspace();
		const bad = { id: 'ws-2', name: 'Broken', url: 42 };
		localStorage.setItem(WORKSPACES_KEY, JSON.stringify([good, bad]));
		const store = openTab();
		expect(store.list).toEqual([good]);
		expect(JSON.parse(localStorage.getItem(backups()[0]!)!)).toEqual([bad]);
		expect(store.takeNotices()[0]?.description).toMatch(/1 saved workspace entry was not valid/);
	});

	it('backs up an object stored where a list belongs', async () => {
		localStorage.setItem(WORKSPACES_KEY, JSON.stringify({ workspaces: 'nope' }));
		const store = openTab();
		expect(store.list).toEqual([]);
		expect(JSON.parse(localStorage.getItem(backups()[0]!)!)).toEqual({ workspaces: 'nope' });
	});

	it('leaves damaged data in place when there is no room for a backup', async () => {
		const good = storedWorkspace();
		const raw = JSON.stringify([good, { junk: true }]);
		localStorage.setItem(WORKSPACES_KEY, raw);
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		try {
			const store = openTab();
			expect(store.list).toEqual([good]);
			expect(store.takeNotices()[0]?.description).toMatch(/no room for a backup/);
		} finally {
			Storage.prototype.setItem = setItem;
		}
		expect(localStorage.getItem(WORKSPACES_KEY)).toBe(raw);
	});

	it('reports a failed save and keeps the change in memory', async () => {
		const store = openTab();
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		try {
			expect((await store.createWorkspace(input())).ok).toBe(true);
		} finally {
			Storage.prototype.setItem = setItem;
		}
		expect(store.list).toHaveLength(1);
		expect(store.takeNotices()[0]?.description).toMatch(/QuotaExceededError/);
	});
});

describe('two tabs', () => {
	it('shows a workspace added in one tab in the other', async () => {
		const tabA = openTab();
		const tabB = openTab();
		await tabA.createWorkspace(input({ name: 'From A' }));
		deliverStorageEvent();
		expect(tabB.list.map((w) => w.name)).toEqual(['From A']);
	});

	it('keeps both workspaces when two tabs add one at about the same time', async () => {
		const tabA = openTab();
		const tabB = openTab();
		await tabA.createWorkspace(input({ name: 'From A' }));
		// Tab B adds before the storage event from A reached it.
		await tabB.createWorkspace(input({ name: 'From B' }));
		deliverStorageEvent();
		expect(tabA.list.map((w) => w.name)).toEqual(['From A', 'From B']);
		expect(tabB.list.map((w) => w.name)).toEqual(['From A', 'From B']);
		expect((saved() as Workspace[]).map((w) => w.name)).toEqual(['From A', 'From B']);
	});

	it('does not resurrect a workspace another tab deleted when editing a different one', async () => {
		const tabA = openTab();
		const a = await tabA.createWorkspace(input({ name: 'A' }));
		const b = await tabA.createWorkspace(input({ name: 'B' }));
		if (!a.ok || !b.ok) throw new Error('expected success');
		const tabB = openTab();
		tabA.deleteWorkspace(a.workspace.id);
		await tabB.updateWorkspace(b.workspace.id, { name: 'B2' });
		expect((saved() as Workspace[]).map((w) => w.name)).toEqual(['B2']);
	});
});

describe('passwords at rest', () => {
	it('stores only the sealed form of a new or changed password', async () => {
		const store = openTab();
		const created = await store.createWorkspace(input({ password: 'first' }));
		if (!created.ok) throw new Error('expected success');
		await store.updateWorkspace(created.workspace.id, { password: 'second' });
		expect((saved() as Workspace[])[0]?.password).toBe('sealed:v1:test:second');
		await store.updateWorkspace(created.workspace.id, { name: 'Renamed' });
		expect((saved() as Workspace[])[0]?.password).toBe('sealed:v1:test:second');
	});

	it('seals plain-text passwords stored by earlier versions without losing a workspace', async () => {
		const plain = storedWorkspace({ id: 'old', password: 'legacy' });
		const sealed = storedWorkspace({ id: 'new', password: 'sealed:v1:test:kept' });
		localStorage.setItem(WORKSPACES_KEY, JSON.stringify([plain, sealed]));
		const store = openTab();
		await store.sealPlainPasswords();
		expect(saved()).toEqual([{ ...plain, password: 'sealed:v1:test:legacy' }, sealed]);
	});

	it('loads workspaces stored before per-workspace defaults existed', () => {
		const old = storedWorkspace();
		localStorage.setItem(WORKSPACES_KEY, JSON.stringify([old]));
		const store = openTab();
		expect(store.list).toEqual([old]);
		expect(store.takeNotices()).toEqual([]);
	});

	it('refuses to save rather than store a password it could not seal', async () => {
		const store = createWorkspaceStore({
			sealPassword: () => Promise.reject(new DOMException('denied', 'InvalidStateError'))
		});
		stores.push(store);
		const result = await store.createWorkspace(input());
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.password).toMatch(/encryption key/);
		expect(localStorage.getItem(WORKSPACES_KEY)).toBeNull();
	});
});
