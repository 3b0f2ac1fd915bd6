import { mutationOptions, queryOptions } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { keys, type SessionListFilters } from './keys.ts';
import { dropSession, writeSession } from './session-cache.ts';
import type { Session, SessionErrorMap, SessionStatusMap } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/**
 * How many sessions a list asks for. opencode sends its 100 most recently updated unless told
 * otherwise, which would hide the rest without a word.
 */
export const SESSION_LIST_LIMIT = 1000;

/** Queries about a workspace's sessions. */
export const sessionQueries = {
	/** `GET /session`, newest activity first, up to {@link SESSION_LIST_LIMIT}. Kept current by live events. */
	list: (api: WorkspaceApi, filters: SessionListFilters = {}) =>
		queryOptions({
			queryKey: keys.sessions.list(api.id, filters),
			queryFn: async ({ signal }): Promise<Session[]> =>
				unwrap(
					(await api.client()).GET('/session', {
						params: {
							query: { limit: SESSION_LIST_LIMIT, ...(filters.roots ? { roots: true } : {}) }
						},
						signal
					})
				)
		}),

	/** `GET /session/{id}`. */
	detail: (api: WorkspaceApi, sessionId: string) =>
		queryOptions({
			queryKey: keys.sessions.detail(api.id, sessionId),
			queryFn: async ({ signal }): Promise<Session> =>
				unwrap(
					(await api.client()).GET('/session/{sessionID}', {
						params: { path: { sessionID: sessionId } },
						signal
					})
				)
		}),

	/** `GET /session/status`: busy or retrying sessions; idle ones have no entry. */
	statuses: (api: WorkspaceApi) =>
		queryOptions({
			queryKey: keys.sessions.statuses(api.id),
			queryFn: async ({ signal }): Promise<SessionStatusMap> =>
				unwrap((await api.client()).GET('/session/status', { signal }))
		}),

	/**
	 * The error each session's last run ended with. Not a server resource: only `session.error`
	 * events fill it, so it starts empty and never goes stale.
	 */
	errors: (api: WorkspaceApi) =>
		queryOptions({
			queryKey: keys.sessions.errors(api.id),
			queryFn: ({ client, queryKey }): SessionErrorMap =>
				client.getQueryData<SessionErrorMap>(queryKey) ?? {},
			staleTime: Infinity
		})
};

/** What {@link sessionMutations.create} takes. */
export type CreateSessionInput = { title?: string; parentID?: string };

/** Session changes, each with its cache work. */
export const sessionMutations = {
	/** `POST /session`; the new session goes into the cached lists and its detail. */
	create: (api: WorkspaceApi) =>
		mutationOptions({
			mutationFn: async (input: CreateSessionInput = {}): Promise<Session> =>
				unwrap((await api.client()).POST('/session', { body: input })),
			onSuccess: (session, _input, _result, { client }) =>
				writeSession(client, api.id, session, { seedDetail: true })
		}),

	/** `PATCH /session/{id}` with a new title. */
	rename: (api: WorkspaceApi) =>
		mutationOptions({
			mutationFn: async ({ sessionId, title }: { sessionId: string; title: string }) =>
				unwrap(
					(await api.client()).PATCH('/session/{sessionID}', {
						params: { path: { sessionID: sessionId } },
						body: { title }
					})
				),
			onSuccess: (session, _input, _result, { client }) => writeSession(client, api.id, session)
		}),

	/** `DELETE /session/{id}`; the session leaves every cached list. */
	remove: (api: WorkspaceApi) =>
		mutationOptions({
			mutationFn: async ({ sessionId }: { sessionId: string }) =>
				unwrap(
					(await api.client()).DELETE('/session/{sessionID}', {
						params: { path: { sessionID: sessionId } }
					})
				),
			onSuccess: (_deleted, { sessionId }, _result, { client }) =>
				dropSession(client, api.id, sessionId)
		})
};
