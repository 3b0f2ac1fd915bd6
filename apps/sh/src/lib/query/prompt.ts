import { mutationOptions, type QueryClient } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { ascendingId } from './ids.ts';
import { removeMessage, writeMessage, writePart } from './message-cache.ts';
import { clearSessionError, setSessionStatus } from './session-cache.ts';
import type { ModelChoice } from './types-chat.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/** What {@link promptMutations.send} takes. */
export type SendPromptInput = {
	sessionId: string;
	text: string;
	model?: ModelChoice;
	agent?: string;
};

type Ids = { messageId: string; partId: string };

/** Shows the prompt at once, as the user message the server is about to create. */
function writeOptimistic(queryClient: QueryClient, ws: string, input: SendPromptInput, ids: Ids) {
	const { sessionId } = input;
	writeMessage(queryClient, ws, {
		id: ids.messageId,
		sessionID: sessionId,
		role: 'user',
		time: { created: Date.now() },
		agent: input.agent ?? '',
		model: input.model ?? { providerID: '', modelID: '' }
	});
	writePart(queryClient, ws, {
		id: ids.partId,
		sessionID: sessionId,
		messageID: ids.messageId,
		type: 'text',
		text: input.text
	});
	clearSessionError(queryClient, ws, sessionId);
	setSessionStatus(queryClient, ws, sessionId, { type: 'busy' });
}

/** Prompting a session from the chat. */
export const promptMutations = {
	/**
	 * `POST /session/{id}/prompt_async` with ids made here: the user message is in the cache at
	 * once and the server's own copy (same id, via events) replaces it. A refused prompt takes
	 * the optimistic message out again.
	 */
	send: (api: WorkspaceApi) =>
		mutationOptions({
			mutationFn: async (input: SendPromptInput, { client }): Promise<void> => {
				const ids = { messageId: ascendingId('msg'), partId: ascendingId('prt') };
				writeOptimistic(client, api.id, input, ids);
				try {
					await unwrap(
						(await api.client()).POST('/session/{sessionID}/prompt_async', {
							params: { path: { sessionID: input.sessionId } },
							body: {
								messageID: ids.messageId,
								parts: [{ id: ids.partId, type: 'text', text: input.text }],
								model: input.model,
								agent: input.agent
							}
						})
					);
				} catch (error) {
					removeMessage(client, api.id, input.sessionId, ids.messageId);
					setSessionStatus(client, api.id, input.sessionId, { type: 'idle' });
					throw error;
				}
			}
		}),

	/**
	 * `POST /session/{id}/abort`. The server ends the run with `session.error` and an idle
	 * status; the session is marked idle here too, in case that event is missed.
	 */
	abort: (api: WorkspaceApi) =>
		mutationOptions({
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
