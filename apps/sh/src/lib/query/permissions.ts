import { mutationOptions, queryOptions } from '@tanstack/svelte-query';
import { unwrap } from '$lib/opencode/index.ts';
import { keys } from './keys.ts';
import { removePermission } from './permission-cache.ts';
import type { PermissionReply, PermissionRequest } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

/** Queries about permission requests. */
export const permissionQueries = {
	/** `GET /permission`: requests waiting for an answer, in every session. */
	list: (api: WorkspaceApi) =>
		queryOptions({
			queryKey: keys.permissions.list(api.id),
			queryFn: async ({ signal }): Promise<PermissionRequest[]> =>
				unwrap((await api.client()).GET('/permission', { signal }))
		})
};

/** What {@link permissionMutations.reply} takes. */
export type PermissionReplyInput = {
	requestId: string;
	reply: PermissionReply;
	/** With `reject`: feedback the model gets instead of the tool's result. */
	message?: string;
};

/** Answering permission requests. */
export const permissionMutations = {
	/** `POST /permission/{id}/reply`; the request leaves the pending list. */
	reply: (api: WorkspaceApi) =>
		mutationOptions({
			mutationFn: async ({ requestId, reply, message }: PermissionReplyInput) =>
				unwrap(
					(await api.client()).POST('/permission/{requestID}/reply', {
						params: { path: { requestID: requestId } },
						body: message === undefined ? { reply } : { reply, message }
					})
				),
			onSuccess: (_done, { requestId }, _result, { client }) =>
				removePermission(client, api.id, requestId)
		})
};
