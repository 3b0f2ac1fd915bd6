import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { keys } from './keys.ts';
import type { MessageWithParts } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/** Messages fetched per page. */
export const MESSAGE_PAGE_SIZE = 40;

type Page = { messages: MessageWithParts[]; older: string | null };

async function fetchPage(
	api: WorkspaceApi,
	sessionId: string,
	limit: number,
	before?: string,
	signal?: AbortSignal
): Promise<Page> {
	const request = (await api.client()).GET('/session/{sessionID}/message', {
		params: { path: { sessionID: sessionId }, query: before ? { limit, before } : { limit } },
		signal
	});
	const messages = await unwrap(request);
	// The cursor of the page before this one travels in a header (exposed to CORS).
	const { response } = await request;
	return { messages, older: response.headers.get('x-next-cursor') || null };
}

/**
 * Paged reading of a session's messages. The cache entry is the same one the live event stream
 * keeps current (`keys.messages.list`), holding the newest messages, oldest first; older pages
 * are put in front of it by {@link messagePageMutations.loadOlder}.
 */
export const messagePageQueries = {
	/**
	 * The newest page, or as many newest messages as are loaded already when it refetches
	 * (after a reconnect), so paging in older ones is not undone.
	 */
	latest: (api: WorkspaceApi, sessionId: string) =>
		queryOptions({
			queryKey: keys.messages.list(api.id, sessionId),
			queryFn: async ({ client, queryKey, signal }): Promise<MessageWithParts[]> => {
				const loaded = client.getQueryData<MessageWithParts[]>(queryKey)?.length ?? 0;
				const limit = Math.max(MESSAGE_PAGE_SIZE, loaded);
				const page = await fetchPage(api, sessionId, limit, undefined, signal);
				client.setQueryData(keys.messages.older(api.id, sessionId), page.older);
				return page.messages;
			}
		}),

	/**
	 * The cursor for the page before the loaded messages; `null` once the first message is
	 * loaded. Written by the page fetches only.
	 */
	older: (api: WorkspaceApi, sessionId: string) =>
		queryOptions({
			queryKey: keys.messages.older(api.id, sessionId),
			queryFn: ({ client, queryKey }): string | null =>
				client.getQueryData<string | null>(queryKey) ?? null,
			staleTime: Infinity
		})
};

/** Puts an older page in front of the cached messages, skipping any already there. */
export function prependMessages(
	queryClient: QueryClient,
	ws: string,
	sessionId: string,
	page: Page
): void {
	queryClient.setQueryData<MessageWithParts[]>(keys.messages.list(ws, sessionId), (current) => {
		if (!current) return current;
		const known = new Set(current.map((m) => m.info.id));
		return [...page.messages.filter((m) => !known.has(m.info.id)), ...current];
	});
	queryClient.setQueryData(keys.messages.older(ws, sessionId), page.older);
}

/** Paging in older messages. */
export const messagePageMutations = {
	/** Fetches the page before `cursor` and puts it in front of the cached messages. */
	loadOlder: (api: WorkspaceApi) =>
		mutationOptions({
			mutationFn: ({ sessionId, cursor }: { sessionId: string; cursor: string }) =>
				fetchPage(api, sessionId, MESSAGE_PAGE_SIZE, cursor),
			onSuccess: (page, { sessionId }, _result, { client }) =>
				prependMessages(client, api.id, sessionId, page)
		})
};
