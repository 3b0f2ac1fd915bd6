import type { WorkspaceConnection } from '$lib/opencode/connection.ts';
import type { Workspace } from './workspace.ts';

/**
 * The one place a workspace's password is read. Async because the stored password will be
 * sealed (encrypted at rest); callers never touch `workspace.password` directly.
 */
export async function connectionFor(workspace: Workspace): Promise<WorkspaceConnection> {
	return {
		id: workspace.id,
		url: workspace.url,
		username: workspace.username,
		password: workspace.password
	};
}
