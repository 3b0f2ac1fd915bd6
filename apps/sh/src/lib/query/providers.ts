import { queryOptions } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { keys } from './keys.ts';
import type { ProviderCatalogue } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/** Queries about the models a workspace can use. */
export const providerQueries = {
	/** `GET /config/providers`: configured providers and the default model of each. */
	catalogue: (api: WorkspaceApi) =>
		queryOptions({
			queryKey: keys.providers(api.id),
			queryFn: async ({ signal }): Promise<ProviderCatalogue> =>
				unwrap((await api.client()).GET('/config/providers', { signal })),
			staleTime: 5 * 60_000
		})
};
