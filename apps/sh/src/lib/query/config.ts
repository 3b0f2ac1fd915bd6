import { queryOptions } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { keys } from './keys.ts';
import type { ConfigDefaults } from './types-chat.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/** Queries about a workspace's configuration. */
export const configQueries = {
	/** `GET /config`, reduced to the defaults new sessions use: `model` and `default_agent`. */
	defaults: (api: WorkspaceApi) =>
		queryOptions({
			queryKey: keys.config(api.id),
			queryFn: async ({ signal }): Promise<ConfigDefaults> => {
				const config = await unwrap((await api.client()).GET('/config', { signal }));
				return { model: config.model, defaultAgent: config.default_agent };
			},
			staleTime: 5 * 60_000
		})
};
