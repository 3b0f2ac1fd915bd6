import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/** The chat page of a session on a workspace. */
export function chatHref(workspaceId: string, sessionId: string): ResolvedPathname {
	return resolve('/w/[workspaceId]/s/[sessionId]', { workspaceId, sessionId });
}

/** The sessions page, narrowed to one workspace when given. */
export function sessionsHref(workspaceId?: string): ResolvedPathname {
	const base = resolve('/sessions');
	// The query string rides on the resolved path; the router treats it as the same page.
	return (
		workspaceId ? `${base}?workspace=${encodeURIComponent(workspaceId)}` : base
	) as ResolvedPathname;
}
