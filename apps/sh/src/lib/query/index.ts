export { queryClient, createQueryClient } from './query-client.ts';
export { keys, type SessionListFilters } from './keys.ts';
export { workspaceApi, type WorkspaceApi } from './workspace-api.ts';
export {
	SESSION_LIST_LIMIT,
	sessionQueries,
	sessionMutations,
	type CreateSessionInput
} from './sessions.ts';
export {
	permissionQueries,
	permissionMutations,
	type PermissionReplyInput
} from './permissions.ts';
export { providerQueries } from './providers.ts';
export { agentQueries } from './agents.ts';
export { refetchLiveData } from './refetch.ts';
export type * from './types.ts';
export { configQueries } from './config.ts';
export { messagePageQueries, messagePageMutations, MESSAGE_PAGE_SIZE } from './message-pages.ts';
export { promptMutations, type SendPromptInput } from './prompt.ts';
export type * from './types-chat.ts';
