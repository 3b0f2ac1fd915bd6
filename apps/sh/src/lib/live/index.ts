import { queryClient } from '$lib/query/query-client.ts';
import { connectionFor, workspaces } from '$lib/workspaces/index.ts';
import { follow } from './follow.svelte.ts';
import { createLiveManager, type LiveManager } from './live-manager.ts';
import { browserPageSignals } from './page-signals.ts';
import type { WorkspaceStatusSource } from './status-store.ts';
import { CONNECTING } from './workspace-status.ts';

/** The app's one live layer, in the browser only: nothing connects during a build or in node. */
function startLive(): LiveManager | undefined {
	if (typeof window === 'undefined') return undefined;
	const manager = createLiveManager({
		queryClient,
		listWorkspaces: () => workspaces.list,
		connectionFor,
		page: browserPageSignals()
	});
	follow(
		() => workspaces.list,
		() => void manager.sync()
	);
	return manager;
}

const live = startLive();

/** Every stored workspace's connection status; the one source for every view. */
export const workspaceStatus: WorkspaceStatusSource = live?.status ?? { get: () => CONNECTING };

/**
 * Keeps the workspace's event stream open (call it where a view shows that workspace's live
 * data, e.g. in `$effect`); returns the function that lets go of it.
 */
export function retainWorkspaceStream(workspaceId: string): () => void {
	return live?.retain(workspaceId) ?? (() => {});
}

export type { WorkspaceStatus } from './workspace-status.ts';
export { isRetrying } from './workspace-status.ts';
export type { WorkspaceStatusSource } from './status-store.ts';
export {
	createLiveManager,
	type LiveManager,
	type LiveManagerDeps,
	type LiveOptions
} from './live-manager.ts';
export type { MonitorOptions } from './monitor.ts';
export type { BackoffOptions } from './backoff.ts';
export type { LiveEvent } from './live-event.ts';
export { browserPageSignals, staticPageSignals, type PageSignals } from './page-signals.ts';
