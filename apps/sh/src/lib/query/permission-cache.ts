import type { QueryClient } from '@tanstack/svelte-query';
import { keys } from './keys.ts';
import { insertInIdOrder, removeById } from './list-updates.ts';
import type { PermissionRequest } from './types.ts';

/** Cache writes for pending permission requests (mutations and live events). */

/** Adds a pending request, or replaces it. */
export function writePermission(
	queryClient: QueryClient,
	ws: string,
	request: PermissionRequest
): void {
	queryClient.setQueryData<PermissionRequest[]>(keys.permissions.list(ws), (list) =>
		list ? insertInIdOrder(list, request, (r) => r.id) : list
	);
}

/** Removes a request that was answered. */
export function removePermission(queryClient: QueryClient, ws: string, requestId: string): void {
	queryClient.setQueryData<PermissionRequest[]>(keys.permissions.list(ws), (list) =>
		list ? removeById(list, requestId) : list
	);
}
