import { createPersistedState } from '@repo/svelte-utils';
import * as z from 'zod/mini';
import type { ModelChoice } from '$lib/query/index.ts';
import { migrateSessionMemory } from './session-memory-migration.ts';

const entrySchema = z.object({
	draft: z.optional(z.string()),
	model: z.optional(z.object({ providerID: z.string(), modelID: z.string() })),
	agent: z.optional(z.string())
});
const memorySchema = z.object({
	lastWorkspace: z.optional(z.string()),
	sessions: z.record(z.string(), entrySchema)
});

/** What this browser remembers of one session. */
export type SessionMemoryEntry = z.infer<typeof entrySchema>;
export type SessionMemoryValue = z.infer<typeof memorySchema>;

/** The model and agent a session's prompts use. */
export type SessionChoice = { model?: ModelChoice; agent?: string };

export const SESSION_MEMORY_KEY = 'opencode-session-memory';
// Least recently written entries go first once there are more; a session without one falls
// back to its history for the model and to an empty message box.
const MAX_ENTRIES = 300;

const entryId = (workspaceId: string, sessionId: string) => `${workspaceId} ${sessionId}`;
const isEmpty = (entry: SessionMemoryEntry) => !entry.draft && !entry.model && !entry.agent;

function createSessionMemory() {
	const state = createPersistedState({
		key: SESSION_MEMORY_KEY,
		schema: memorySchema,
		onParseError: (error) =>
			(error.type === 'storage_empty' ? migrateSessionMemory(SESSION_MEMORY_KEY) : undefined) ?? {
				sessions: {}
			}
	});

	const entry = (workspaceId: string, sessionId: string): SessionMemoryEntry =>
		state.value.sessions[entryId(workspaceId, sessionId)] ?? {};

	/** Rewrites one session's entry as the most recent (or drops it once it holds nothing). */
	function change(workspaceId: string, sessionId: string, patch: Partial<SessionMemoryEntry>) {
		const id = entryId(workspaceId, sessionId);
		state.update((memory) => {
			const { [id]: old = {}, ...rest } = memory.sessions;
			const next = { ...old, ...patch };
			const kept = Object.entries(rest).slice(-(MAX_ENTRIES - 1));
			const sessions = Object.fromEntries(isEmpty(next) ? kept : [...kept, [id, next]]);
			return { ...memory, sessions };
		});
	}

	return {
		/** Unsent message-box text of a session ('' when none). */
		draft(workspaceId: string, sessionId: string): string {
			return entry(workspaceId, sessionId).draft ?? '';
		},
		setDraft(workspaceId: string, sessionId: string, text: string) {
			if (this.draft(workspaceId, sessionId) === text) return;
			change(workspaceId, sessionId, { draft: text || undefined });
		},
		/** The model and agent chosen for a session in this browser, if any. */
		choice(workspaceId: string, sessionId: string): SessionChoice | undefined {
			const { model, agent } = entry(workspaceId, sessionId);
			return model || agent ? { model, agent } : undefined;
		},
		setChoice(workspaceId: string, sessionId: string, { model, agent }: SessionChoice) {
			change(workspaceId, sessionId, { model, agent });
		},
		/** Forgets everything about a session (it was deleted). */
		forget(workspaceId: string, sessionId: string) {
			if (!(entryId(workspaceId, sessionId) in state.value.sessions)) return;
			change(workspaceId, sessionId, { draft: undefined, model: undefined, agent: undefined });
		},
		/** The workspace the New session dialog used last, so it starts there next time. */
		get lastWorkspace(): string | undefined {
			return state.value.lastWorkspace;
		},
		set lastWorkspace(workspaceId: string | undefined) {
			if (state.value.lastWorkspace === workspaceId) return;
			state.update((memory) => ({ ...memory, lastWorkspace: workspaceId }));
		}
	};
}

/**
 * Per-session memory of this browser, in one localStorage entry: drafts, the chosen model and
 * agent, and the last workspace a session was started on.
 */
export const sessionMemory = createSessionMemory();
