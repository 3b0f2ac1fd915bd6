import { createQuery } from '@tanstack/svelte-query';
import { workspaceStatus } from '$lib/live/index.ts';
import { agentQueries, providerQueries, workspaceApi } from '$lib/query/index.ts';
import { modelGroups, selectableAgents } from './session-defaults.ts';

/**
 * What a workspace offers the model and agent pickers, fetched while it is connected. Call it
 * while a component (or a class used by one) initialises.
 */
export function createModelAgentOptions(workspaceId: () => string | undefined) {
	const api = $derived(workspaceApi(workspaceId() ?? ''));
	const connected = $derived(
		workspaceId() !== undefined && workspaceStatus.get(workspaceId() ?? '').state === 'connected'
	);
	const catalogue = createQuery(() => ({ ...providerQueries.catalogue(api), enabled: connected }));
	const agents = createQuery(() => ({ ...agentQueries.list(api), enabled: connected }));
	const groups = $derived(modelGroups(catalogue.data));
	const selectable = $derived(selectableAgents(agents.data));
	const loading = $derived(connected && (catalogue.isPending || agents.isPending));

	return {
		get connected() {
			return connected;
		},
		/** The server's provider catalogue, once fetched. */
		get catalogue() {
			return catalogue.data;
		},
		/** Every agent the server has, once fetched (pickers offer {@link agents}). */
		get allAgents() {
			return agents.data;
		},
		get groups() {
			return groups;
		},
		get agents() {
			return selectable;
		},
		/** Connected, and still fetching what the pickers offer. */
		get loading() {
			return loading;
		},
		/** Why the pickers could not be filled, if they could not. */
		get error() {
			return catalogue.error ?? agents.error ?? undefined;
		}
	};
}
