import { createPersistedState } from '@repo/svelte-utils';
import * as z from 'zod/mini';
import type { ModelChoice } from '$lib/query/index.ts';

const choiceSchema = z.object({
	model: z.optional(z.object({ providerID: z.string(), modelID: z.string() })),
	agent: z.optional(z.string())
});

/** The model and agent a session's prompts use. */
export type SessionChoice = { model?: ModelChoice; agent?: string };

export const SESSION_CHOICES_KEY = 'opencode-session-choices';
// Oldest entries go first once there are more; a session without one falls back to its history.
const MAX_ENTRIES = 300;

function createSessionChoices() {
	const state = createPersistedState({
		key: SESSION_CHOICES_KEY,
		schema: z.record(z.string(), choiceSchema),
		onParseError: () => ({})
	});
	const id = (workspaceId: string, sessionId: string) => `${workspaceId} ${sessionId}`;

	return {
		/** The choice made for a session in this browser, if any. */
		get(workspaceId: string, sessionId: string): SessionChoice | undefined {
			return state.value[id(workspaceId, sessionId)];
		},
		/** Remembers the model and agent for a session's later prompts. */
		set(workspaceId: string, sessionId: string, choice: SessionChoice) {
			const key = id(workspaceId, sessionId);
			state.update((all) => {
				const { [key]: _old, ...rest } = all;
				const entries = Object.entries(rest).slice(-(MAX_ENTRIES - 1));
				return { ...Object.fromEntries(entries), [key]: choice };
			});
		},
		forget(workspaceId: string, sessionId: string) {
			const key = id(workspaceId, sessionId);
			if (!(key in state.value)) return;
			state.update(({ [key]: _gone, ...rest }) => rest);
		}
	};
}

/** Per-session model and agent, kept in localStorage. */
export const sessionChoices = createSessionChoices();
