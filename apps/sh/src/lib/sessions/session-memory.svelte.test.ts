import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const MEMORY_KEY = 'opencode-session-memory';

/** A fresh copy of the store, reading whatever storage holds now. */
async function loadMemory() {
	vi.resetModules();
	return (await import('./session-memory.svelte.ts')).sessionMemory;
}

const stored = () => JSON.parse(localStorage.getItem(MEMORY_KEY) ?? 'null');

beforeEach(() => {
	localStorage.clear();
	sessionStorage.clear();
});
afterEach(() => vi.resetModules());

describe('session memory', () => {
	it('keeps a draft and a choice of one session in one entry, and forgets both together', async () => {
		const memory = await loadMemory();
		const model = { providerID: 'fake', modelID: 'fake-model' };
		memory.setDraft('ws-1', 'ses_1', 'half a thought');
		memory.setChoice('ws-1', 'ses_1', { model, agent: 'plan' });
		expect(stored().sessions).toEqual({
			'ws-1 ses_1': { draft: 'half a thought', model, agent: 'plan' }
		});
		expect((await loadMemory()).draft('ws-1', 'ses_1')).toBe('half a thought');

		memory.forget('ws-1', 'ses_1');
		expect(memory.draft('ws-1', 'ses_1')).toBe('');
		expect(memory.choice('ws-1', 'ses_1')).toBeUndefined();
		expect(stored().sessions).toEqual({});
	});

	it('drops an entry once its draft is cleared and nothing else is kept', async () => {
		const memory = await loadMemory();
		memory.setDraft('ws-1', 'ses_1', 'sent soon');
		memory.setDraft('ws-1', 'ses_1', '');
		expect(stored().sessions).toEqual({});
	});

	it('keeps the 300 most recently written sessions', async () => {
		const memory = await loadMemory();
		for (let i = 0; i < 305; i++) memory.setDraft('ws-1', `ses_${i}`, `draft ${i}`);
		expect(Object.keys(stored().sessions)).toHaveLength(300);
		expect(memory.draft('ws-1', 'ses_4')).toBe('');
		// Writing the oldest makes it the newest: the next one to go is the one after it.
		memory.setDraft('ws-1', 'ses_5', 'written again');
		memory.setDraft('ws-1', 'ses_new', 'new');
		const ids = Object.keys(stored().sessions);
		expect(ids).toHaveLength(300);
		expect(ids).not.toContain('ws-1 ses_6');
		expect(ids.slice(-2)).toEqual(['ws-1 ses_5', 'ws-1 ses_new']);
	});

	it('carries over what earlier versions kept under three keys, then removes them', async () => {
		const model = { providerID: 'p', modelID: 'm' };
		localStorage.setItem(
			'opencode-session-choices',
			JSON.stringify({ 'ws-1 ses_1': { model, agent: 'build' }, 'ws-1 bad': 'not an object' })
		);
		localStorage.setItem('opencode-new-session-workspace', JSON.stringify('ws-2'));
		sessionStorage.setItem('opencode-drafts', JSON.stringify({ 'ws-1 ses_2': 'unsent' }));

		const memory = await loadMemory();
		expect(memory.choice('ws-1', 'ses_1')).toEqual({ model, agent: 'build' });
		expect(memory.draft('ws-1', 'ses_2')).toBe('unsent');
		expect(memory.lastWorkspace).toBe('ws-2');
		expect(Object.keys(stored().sessions).sort()).toEqual(['ws-1 ses_1', 'ws-1 ses_2']);
		expect(localStorage.getItem('opencode-session-choices')).toBeNull();
		expect(localStorage.getItem('opencode-new-session-workspace')).toBeNull();
		expect(sessionStorage.getItem('opencode-drafts')).toBeNull();
	});

	it('starts empty from damaged storage instead of failing', async () => {
		localStorage.setItem(MEMORY_KEY, '{not json');
		const memory = await loadMemory();
		expect(memory.draft('ws-1', 'ses_1')).toBe('');
		memory.lastWorkspace = 'ws-3';
		expect(stored()).toEqual({ lastWorkspace: 'ws-3', sessions: {} });
	});
});
