import type { QueryClient } from '@tanstack/svelte-query';
import { keys } from './keys.ts';

/**
 * Marks everything events keep current for one workspace as stale, refetching what is on
 * screen: its sessions (lists, details, statuses), messages and pending permissions. For when
 * its event stream (re)connects, since missed events are not replayed.
 */
export async function refetchLiveData(queryClient: QueryClient, ws: string): Promise<void> {
	await Promise.all(
		[keys.sessions.all(ws), keys.messages.all(ws), keys.permissions.all(ws)].map((queryKey) =>
			queryClient.invalidateQueries({ queryKey })
		)
	);
}

/** Refetches one session's messages, once: for an event the cache could not place. */
export function refetchMessages(queryClient: QueryClient, ws: string, sessionId: string): void {
	void queryClient.invalidateQueries(
		{ queryKey: keys.messages.list(ws, sessionId), exact: true },
		{ cancelRefetch: false }
	);
}
