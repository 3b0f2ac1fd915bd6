import { createPersistedState } from '@repo/svelte-utils';
import * as z from 'zod/mini';

function sessionStorageOrMemory() {
	try {
		return typeof window === 'undefined' ? undefined : window.sessionStorage;
	} catch {
		return undefined;
	}
}

function createDrafts() {
	// sessionStorage: a draft outlives navigation and reloads, but not the tab.
	const state = createPersistedState({
		key: 'opencode-drafts',
		schema: z.record(z.string(), z.string()),
		onParseError: () => ({}),
		storage: sessionStorageOrMemory()
	});
	const id = (workspaceId: string, sessionId: string) => `${workspaceId} ${sessionId}`;
	return {
		get(workspaceId: string, sessionId: string): string {
			return state.value[id(workspaceId, sessionId)] ?? '';
		},
		set(workspaceId: string, sessionId: string, text: string) {
			const key = id(workspaceId, sessionId);
			if ((state.value[key] ?? '') === text) return;
			const { [key]: _old, ...rest } = state.value;
			state.value = text ? { ...rest, [key]: text } : rest;
		}
	};
}

/** Unsent composer text per session, for this tab. */
export const drafts = createDrafts();
