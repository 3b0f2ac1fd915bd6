import { createQueries } from '@tanstack/svelte-query';
import { workspaceStatus } from '$lib/live/index.ts';
import {
	permissionQueries,
	sessionQueries,
	workspaceApi,
	type PermissionRequest,
	type Session,
	type SessionStatusMap
} from '$lib/query/index.ts';
import type { Workspace } from '$lib/workspaces/index.ts';
import { buildSessionRows, type SessionRow } from './session-rows.ts';
import { workspaceNotice, type WorkspaceNotice } from './workspace-notices.ts';

const isConnected = (id: string) => workspaceStatus.get(id).state === 'connected';

/**
 * The sessions of several workspaces as one list. Each connected workspace's sessions,
 * statuses and pending permissions are queried (events keep them current); a workspace that
 * is not connected, or whose list failed, becomes a notice instead of silently vanishing.
 * Create it while a component initialises.
 */
export class SessionsOverview {
	readonly #lists;
	readonly #statuses;
	readonly #permissions;

	/** Matching sessions of every workspace, most recent activity first. */
	readonly rows: SessionRow[];
	/** Workspaces whose sessions cannot all be listed right now, and why. */
	readonly notices: WorkspaceNotice[];
	/** Whether some connected workspace's list is still loading. */
	readonly loading: boolean;

	constructor(workspaces: () => readonly Workspace[], search: () => string) {
		const each = <T>(options: (api: ReturnType<typeof workspaceApi>) => T) =>
			workspaces().map((w) => ({ ...options(workspaceApi(w.id)), enabled: isConnected(w.id) }));
		this.#lists = createQueries(() => ({
			queries: each((api) => sessionQueries.list(api, { roots: true }))
		}));
		this.#statuses = createQueries(() => ({ queries: each(sessionQueries.statuses) }));
		this.#permissions = createQueries(() => ({ queries: each(permissionQueries.list) }));

		this.rows = $derived.by(() =>
			buildSessionRows(
				workspaces().map((workspace, i) => ({
					workspace,
					sessions: this.#lists[i]?.data as Session[] | undefined,
					statuses: this.#statuses[i]?.data as SessionStatusMap | undefined,
					permissions: this.#permissions[i]?.data as PermissionRequest[] | undefined
				})),
				search()
			)
		);
		this.notices = $derived.by(() =>
			workspaces().flatMap((workspace, i) => {
				const notice = workspaceNotice({
					workspace,
					status: workspaceStatus.get(workspace.id),
					listError: this.#lists[i]?.error,
					listed: (this.#lists[i]?.data as Session[] | undefined)?.length
				});
				return notice ? [notice] : [];
			})
		);

		this.loading = $derived(
			workspaces().some((w, i) => isConnected(w.id) && this.#lists[i]?.isPending)
		);
	}
}
