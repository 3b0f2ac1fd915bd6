import { createQuery } from '@tanstack/svelte-query';
import { workspaceStatus } from '$lib/live/index.ts';
import { agentQueries, providerQueries, workspaceApi } from '$lib/query/index.ts';
import { modelGroups, selectableAgents } from './session-defaults.ts';

/**
 * What a workspace offers the model and agent pickers, fetched while it is connected. Call it
 * while a component initialises.
 */
export function createModelAgentOptions(workspaceId: () => string) {
	const api = $derived(workspaceApi(workspaceId()));
	const connected = $derived(workspaceStatus.get(workspaceId()).state === 'connected');
	const catalogue = createQuery(() => ({ ...providerQueries.catalogue(api), enabled: connected }));
	const agents = createQuery(() => ({ ...agentQueries.list(api), enabled: connected }));
	const groups = $derived(modelGroups(catalogue.data));
	const selectable = $derived(selectableAgents(agents.data));
	const loading = $derived(connected && (catalogue.isPending || agents.isPending));

	return {
		get connected() {
			return connected;
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
		}
	};
}
