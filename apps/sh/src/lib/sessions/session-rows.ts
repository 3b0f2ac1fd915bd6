import type { PermissionRequest, Session, SessionStatusMap } from '$lib/query/index.ts';
import type { Workspace } from '$lib/workspaces/index.ts';

/** What one workspace contributes to the sessions page. */
export type WorkspaceSessions = {
	workspace: Workspace;
	sessions: readonly Session[] | undefined;
	statuses: SessionStatusMap | undefined;
	permissions: readonly PermissionRequest[] | undefined;
};

/** A session's activity: idle, busy, or waiting to retry a failed model call. */
export type SessionActivity = 'idle' | 'busy' | 'retry';

/** One row of the sessions page. */
export type SessionRow = {
	workspace: Workspace;
	session: Session;
	activity: SessionActivity;
	/** A permission request of this session waits for an answer. */
	needsApproval: boolean;
};

/** The activity a status map gives a session (idle sessions have no entry). */
export function activityOf(statuses: SessionStatusMap | undefined, sessionId: string) {
	return statuses?.[sessionId]?.type ?? 'idle';
}

/**
 * Every workspace's sessions in one list, most recent activity first, narrowed to titles
 * containing `search` (case-insensitive).
 */
export function buildSessionRows(sources: readonly WorkspaceSessions[], search = ''): SessionRow[] {
	const needle = search.trim().toLocaleLowerCase();
	const rows: SessionRow[] = [];
	for (const { workspace, sessions, statuses, permissions } of sources) {
		const waiting = new Set(permissions?.map((request) => request.sessionID));
		for (const session of sessions ?? []) {
			if (needle && !session.title.toLocaleLowerCase().includes(needle)) continue;
			rows.push({
				workspace,
				session,
				activity: activityOf(statuses, session.id),
				needsApproval: waiting.has(session.id)
			});
		}
	}
	return rows.sort((a, b) => b.session.time.updated - a.session.time.updated);
}
