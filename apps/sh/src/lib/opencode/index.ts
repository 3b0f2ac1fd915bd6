export { basicAuthHeader } from './auth.ts';
export { call, unwrap, type ApiResult } from './call.ts';
export {
	createClient,
	DEFAULT_TIMEOUT_MS,
	type ClientOptions,
	type OpencodeClient
} from './client.ts';
export { forgetClient, getClient } from './client-cache.ts';
export type { WorkspaceConnection } from './connection.ts';
export { OpencodeApiError, type ApiError, type ApiErrorKind } from './errors.ts';
export { ForeignOriginError } from './guard.ts';
export { checkHealth, type HealthOptions, type HealthResult } from './health.ts';
export type { components, paths } from './generated/schema.d.ts';
