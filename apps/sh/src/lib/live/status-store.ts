import { SvelteMap } from 'svelte/reactivity';
import { CONNECTING, type WorkspaceStatus } from './workspace-status.ts';

/** Reads of the status map; what views get. */
export type WorkspaceStatusSource = {
	/** The workspace's status (reactive); `connecting` until something is known. */
	get(workspaceId: string): WorkspaceStatus;
};

/** The one status map: read by every view, written only by the live manager. */
export type StatusStore = WorkspaceStatusSource & {
	set(workspaceId: string, status: WorkspaceStatus): void;
	delete(workspaceId: string): void;
};

/**
 * Creates a reactive map of workspace statuses. A view reading a workspace that has an entry
 * re-runs only when that entry changes (the live manager gives every stored workspace one).
 */
export function createStatusStore(): StatusStore {
	const statuses = new SvelteMap<string, WorkspaceStatus>();
	return {
		get: (workspaceId) => statuses.get(workspaceId) ?? CONNECTING,
		set: (workspaceId, status) => void statuses.set(workspaceId, status),
		delete: (workspaceId) => void statuses.delete(workspaceId)
	};
}
