import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceStore, WORKSPACES_KEY, type WorkspaceStore } from './workspaces.svelte.ts';
import type { Workspace, WorkspaceInput } from './workspace.ts';

const stores: WorkspaceStore[] = [];
function openTab(now?: () => number) {
	const store = createWorkspaceStore({ now });
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
	it('starts empty with no notice for a first-time user', () => {
		const store = openTab();
		expect(store.list).toEqual([]);
		expect(store.takeNotices()).toEqual([]);
	});

	it('creates a workspace with an id and both times, and persists it', () => {
		const store = openTab(() => 1000);
		const result = store.createWorkspace(input({ name: '  Padded  ', url: 'http://h:1/' }));
		if (!result.ok) throw new Error('expected success');
		expect(result.workspace).toMatchObject({
			name: 'Padded',
			url: 'http://h:1',
			createdAt: 1000,
			lastUsedAt: 1000
		});
		expect(result.workspace.id).toMatch(/^[\w-]{21}$/);
		expect(saved()).toEqual([result.workspace]);
		expect(store.getWorkspace(result.workspace.id)).toEqual(result.workspace);
	});

	it('updates, marks used and deletes by id', () => {
		let time = 1000;
		const store = openTab(() => time);
		const a = store.createWorkspace(input({ name: 'A' }));
		const b = store.createWorkspace(input({ name: 'B' }));
		if (!a.ok || !b.ok) throw new Error('expected success');

		const updated = store.updateWorkspace(a.workspace.id, { name: 'A2', port: 4096 });
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

	it('refuses to update a workspace that is gone', () => {
		const store = openTab();
		expect(store.updateWorkspace('missing', { name: 'x' }).ok).toBe(false);
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
	] as const)('rejects %o', (override, field, message) => {
		const store = openTab();
		const result = store.createWorkspace(input(override as Partial<WorkspaceInput>));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[field]).toMatch(message);
		expect(store.list).toEqual([]);
		expect(localStorage.getItem(WORKSPACES_KEY)).toBeNull();
	});

	it('keeps a stored workspace unchanged when an edit is invalid', () => {
		const store = openTab();
		const created = store.createWorkspace(input());
		if (!created.ok) throw new Error('expected success');
		const result = store.updateWorkspace(created.workspace.id, { port: 70000 });
		expect(result.ok).toBe(false);
		expect(store.getWorkspace(created.workspace.id)?.port).toBe(52341);
	});

	it('accepts a name of exactly 80 characters and ports at both ends', () => {
		const store = openTab();
		expect(store.createWorkspace(input({ name: 'x'.repeat(80), port: 1 })).ok).toBe(true);
		expect(store.createWorkspace(input({ port: 65535 })).ok).toBe(true);
	});
});

describe('recovery from damaged storage, losing nothing', () => {
	it('backs up corrupt JSON, starts empty and tells the user once', () => {
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

	it('keeps every valid entry and backs up only the invalid ones', () => {
		const good = storedWorkspace();
		const bad = { id: 'ws-2', name: 'Broken', url: 42 };
		localStorage.setItem(WORKSPACES_KEY, JSON.stringify([good, bad]));
		const store = openTab();
		expect(store.list).toEqual([good]);
		expect(JSON.parse(localStorage.getItem(backups()[0]!)!)).toEqual([bad]);
		expect(store.takeNotices()[0]?.description).toMatch(/1 saved workspace entry was not valid/);
	});

	it('backs up an object stored where a list belongs', () => {
		localStorage.setItem(WORKSPACES_KEY, JSON.stringify({ workspaces: 'nope' }));
		const store = openTab();
		expect(store.list).toEqual([]);
		expect(JSON.parse(localStorage.getItem(backups()[0]!)!)).toEqual({ workspaces: 'nope' });
	});

	it('leaves damaged data in place when there is no room for a backup', () => {
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

	it('reports a failed save and keeps the change in memory', () => {
		const store = openTab();
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		try {
			expect(store.createWorkspace(input()).ok).toBe(true);
		} finally {
			Storage.prototype.setItem = setItem;
		}
		expect(store.list).toHaveLength(1);
		expect(store.takeNotices()[0]?.description).toMatch(/QuotaExceededError/);
	});
});

describe('two tabs', () => {
	it('shows a workspace added in one tab in the other', () => {
		const tabA = openTab();
		const tabB = openTab();
		tabA.createWorkspace(input({ name: 'From A' }));
		deliverStorageEvent();
		expect(tabB.list.map((w) => w.name)).toEqual(['From A']);
	});

	it('keeps both workspaces when two tabs add one at about the same time', () => {
		const tabA = openTab();
		const tabB = openTab();
		tabA.createWorkspace(input({ name: 'From A' }));
		// Tab B adds before the storage event from A reached it.
		tabB.createWorkspace(input({ name: 'From B' }));
		deliverStorageEvent();
		expect(tabA.list.map((w) => w.name)).toEqual(['From A', 'From B']);
		expect(tabB.list.map((w) => w.name)).toEqual(['From A', 'From B']);
		expect((saved() as Workspace[]).map((w) => w.name)).toEqual(['From A', 'From B']);
	});

	it('does not resurrect a workspace another tab deleted when editing a different one', () => {
		const tabA = openTab();
		const a = tabA.createWorkspace(input({ name: 'A' }));
		const b = tabA.createWorkspace(input({ name: 'B' }));
		if (!a.ok || !b.ok) throw new Error('expected success');
		const tabB = openTab();
		tabA.deleteWorkspace(a.workspace.id);
		tabB.updateWorkspace(b.workspace.id, { name: 'B2' });
		expect((saved() as Workspace[]).map((w) => w.name)).toEqual(['B2']);
	});
});
