import { QueryClient } from '@tanstack/svelte-query';

/** A QueryClient with the app's defaults; tests make their own, isolated ones. */
export function createQueryClient(): QueryClient {
	return new QueryClient({
		defaultOptions: {
			queries: {
				// Live events keep data fresh; refetching on focus would only duplicate them.
				refetchOnWindowFocus: false,
				retry: false,
				staleTime: 30_000
			}
		}
	});
}

/** The app's one query cache. Every key in it starts with a workspace id (see keys.ts). */
export const queryClient = createQueryClient();
