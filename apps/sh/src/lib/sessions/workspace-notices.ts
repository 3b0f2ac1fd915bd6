import type { WorkspaceStatus } from '$lib/live/index.ts';
import { SESSION_LIST_LIMIT } from '$lib/query/index.ts';
import type { Workspace } from '$lib/workspaces/index.ts';
import { describeFailure } from '$lib/feedback/failure.ts';

/** Why a workspace's sessions are missing from the list, or not all there. */
export type WorkspaceNotice =
	| { workspace: Workspace; kind: 'status'; status: WorkspaceStatus }
	| { workspace: Workspace; kind: 'error'; title: string; description: string }
	| { workspace: Workspace; kind: 'limited'; limit: number };

/** The notice a workspace's row in the sessions list needs, if any. */
export function workspaceNotice(input: {
	workspace: Workspace;
	status: WorkspaceStatus;
	listError: unknown;
	/** How many sessions its list returned (undefined while loading). */
	listed: number | undefined;
}): WorkspaceNotice | undefined {
	const { workspace, status, listError, listed } = input;
	if (status.state !== 'connected') return { workspace, kind: 'status', status };
	if (listError) {
		const { title, description } = describeFailure(listError);
		return { workspace, kind: 'error', title, description };
	}
	if (listed !== undefined && listed >= SESSION_LIST_LIMIT)
		return { workspace, kind: 'limited', limit: SESSION_LIST_LIMIT };
	return undefined;
}
