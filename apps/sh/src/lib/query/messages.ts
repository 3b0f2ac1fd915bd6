import { mutationOptions, queryOptions } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { keys } from './keys.ts';
import { setSessionStatus } from './session-cache.ts';
import type { MessageWithParts } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/** Queries about a session's messages. */
export const messageQueries = {
	/** `GET /session/{id}/message`, oldest first. Kept current by live events. */
	list: (api: WorkspaceApi, sessionId: string) =>
		queryOptions({
			queryKey: keys.messages.list(api.id, sessionId),
			queryFn: async ({ signal }): Promise<MessageWithParts[]> =>
				unwrap(
					(await api.client()).GET('/session/{sessionID}/message', {
						params: { path: { sessionID: sessionId } },
						signal
					})
				)
		})
};

/** What {@link messageMutations.prompt} takes. */
export type PromptInput = {
	sessionId: string;
	text: string;
	model?: { providerID: string; modelID: string };
	agent?: string;
};

/** Talking to a session. */
export const messageMutations = {
	/**
	 * `POST /session/{id}/prompt_async`: answers at once; the new messages and the session's
	 * status arrive as events, so there is no cache work here.
	 */
	prompt: (api: WorkspaceApi) =>
		mutationOptions({
			mutationKey: keys.mutations.prompt(api.id),
			mutationFn: async ({ sessionId, text, model, agent }: PromptInput): Promise<void> => {
				await unwrap(
					(await api.client()).POST('/session/{sessionID}/prompt_async', {
						params: { path: { sessionID: sessionId } },
						body: { parts: [{ type: 'text', text }], model, agent }
					})
				);
			}
		}),

	/**
	 * `POST /session/{id}/abort`. The server ends the run with `session.error` and an idle
	 * status; the session is marked idle here too, in case that event is missed.
	 */
	abort: (api: WorkspaceApi) =>
		mutationOptions({
			mutationKey: keys.mutations.abort(api.id),
			mutationFn: async ({ sessionId }: { sessionId: string }) =>
				unwrap(
					(await api.client()).POST('/session/{sessionID}/abort', {
						params: { path: { sessionID: sessionId } }
					})
				),
			onSuccess: (_aborted, { sessionId }, _result, { client }) =>
				setSessionStatus(client, api.id, sessionId, { type: 'idle' })
		})
};
