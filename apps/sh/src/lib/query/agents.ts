import { queryOptions } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { keys } from './keys.ts';
import type { Agent } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/** Queries about a workspace's agents. */
export const agentQueries = {
	/** `GET /agent`. */
	list: (api: WorkspaceApi) =>
		queryOptions({
			queryKey: keys.agents(api.id),
			queryFn: async ({ signal }): Promise<Agent[]> =>
				unwrap((await api.client()).GET('/agent', { signal })),
			staleTime: 5 * 60_000
		})
};
