import { notifyManager, QueryClient } from '@tanstack/svelte-query';

// TanStack's default hands changes to subscribers in a `setTimeout(0)`, which lands after the
// paint: text deltas written in an animation frame would show one frame late. A microtask runs
// before the paint of the frame that wrote them, and still batches a task's writes into one render.
notifyManager.setScheduler(queueMicrotask);

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
