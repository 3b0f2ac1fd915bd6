import type { QueryClient } from '@tanstack/svelte-query';
import { keys, type SessionListFilters } from './keys.ts';
import { removeById } from './list-updates.ts';
import type {
	PermissionRequest,
	Session,
	SessionError,
	SessionErrorMap,
	SessionStatus,
	SessionStatusMap
} from './types.ts';

/** Cache writes for sessions, shared by the session mutations and the live event stream. */

/** Newest activity first, as `GET /session` orders them. */
function byUpdatedDesc(a: Session, b: Session): number {
	return b.time.updated - a.time.updated;
}

function belongsIn(session: Session, filters: SessionListFilters | undefined): boolean {
	return !(filters?.roots && session.parentID);
}

/**
 * Puts a created or changed session into every cached list it belongs in and into its cached
 * detail. `seedDetail` also creates the detail entry (a just-created session about to be opened).
 */
export function writeSession(
	queryClient: QueryClient,
	ws: string,
	session: Session,
	{ seedDetail = false } = {}
): void {
	for (const [key, list] of queryClient.getQueriesData<Session[]>({
		queryKey: keys.sessions.lists(ws)
	})) {
		if (!list) continue;
		const filters = key[4] as SessionListFilters | undefined;
		const others = removeById(list, session.id);
		const next = belongsIn(session, filters) ? [...others, session].sort(byUpdatedDesc) : others;
		queryClient.setQueryData(key, next);
	}
	const detail = keys.sessions.detail(ws, session.id);
	if (seedDetail || queryClient.getQueryData(detail) !== undefined) {
		queryClient.setQueryData(detail, session);
	}
}

/**
 * Forgets a deleted session: out of the lists, statuses, errors and pending permissions; its
 * messages dropped. An open detail view refetches and learns it is gone.
 */
export function dropSession(queryClient: QueryClient, ws: string, sessionId: string): void {
	queryClient.setQueriesData<Session[]>({ queryKey: keys.sessions.lists(ws) }, (list) =>
		list ? removeById(list, sessionId) : list
	);
	setSessionStatus(queryClient, ws, sessionId, { type: 'idle' });
	clearSessionError(queryClient, ws, sessionId);
	queryClient.setQueryData<PermissionRequest[]>(keys.permissions.list(ws), (list) => {
		const next = list?.filter((request) => request.sessionID !== sessionId);
		return next?.length === list?.length ? list : next;
	});
	queryClient.removeQueries({ queryKey: keys.messages.list(ws, sessionId), exact: true });
	void queryClient.invalidateQueries({
		queryKey: keys.sessions.detail(ws, sessionId),
		exact: true,
		refetchType: 'active'
	});
}

/** Records a session's status; idle sessions have no entry, as in `GET /session/status`. */
export function setSessionStatus(
	queryClient: QueryClient,
	ws: string,
	sessionId: string,
	status: SessionStatus
): void {
	queryClient.setQueryData<SessionStatusMap>(keys.sessions.statuses(ws), (map) => {
		if (!map) return map;
		if (status.type === 'idle') {
			if (!(sessionId in map)) return map;
			const { [sessionId]: _gone, ...rest } = map;
			return rest;
		}
		return { ...map, [sessionId]: status };
	});
}

/** Remembers the error a session's run ended with. */
export function setSessionError(
	queryClient: QueryClient,
	ws: string,
	sessionId: string,
	error: SessionError
): void {
	queryClient.setQueryData<SessionErrorMap>(keys.sessions.errors(ws), (map) => ({
		...map,
		[sessionId]: error
	}));
}

/** Forgets a session's last error (it started a new run, or is gone). */
export function clearSessionError(queryClient: QueryClient, ws: string, sessionId: string): void {
	queryClient.setQueryData<SessionErrorMap>(keys.sessions.errors(ws), (map) => {
		if (!map || !(sessionId in map)) return map;
		const { [sessionId]: _gone, ...rest } = map;
		return rest;
	});
}
