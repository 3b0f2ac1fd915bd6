import { getClient, OpencodeApiError, type OpencodeClient } from '$lib/opencode/index.ts';
import { connectionFor, workspaces } from '$lib/workspaces/index.ts';

/**
 * What the query layer needs to reach one workspace: its id (the first segment of every key)
 * and its client. Query and mutation factories take one of these.
 */
export type WorkspaceApi = {
	readonly id: string;
	/** The workspace's typed client (credentials added, other origins refused). */
	client(): Promise<OpencodeClient>;
};

/** The {@link WorkspaceApi} of a stored workspace, looked up when a request is made. */
export function workspaceApi(workspaceId: string): WorkspaceApi {
	return {
		id: workspaceId,
		async client() {
			const workspace = workspaces.getWorkspace(workspaceId);
			if (!workspace) {
				throw new OpencodeApiError({
					kind: 'not_found',
					title: 'Workspace not found',
					description: 'This workspace was removed from this browser.'
				});
			}
			return getClient(await connectionFor(workspace));
		}
	};
}
