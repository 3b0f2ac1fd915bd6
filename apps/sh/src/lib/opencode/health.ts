import { call } from './call.ts';
import { createClient } from './client.ts';
import type { WorkspaceConnection } from './connection.ts';
import { apiError, type ApiError } from './errors.ts';

/** What {@link checkHealth} found out. */
export type HealthResult =
	| { ok: true; healthy: boolean; version: string; latencyMs: number }
	| { ok: false; error: ApiError };

/** Options of {@link checkHealth}. */
export type HealthOptions = {
	/** Per attempt. @default 3_000 */
	timeoutMs?: number;
	/** Further attempts after an `unreachable` one. @default 1 */
	retries?: number;
	signal?: AbortSignal;
	/** The fetch to use. @default globalThis.fetch */
	fetch?: (request: Request) => Promise<Response>;
};

/**
 * Asks the server `GET /global/health`. A server that is starting can hold a connection
 * without answering, so each attempt is short and an unreachable one is retried.
 */
export async function checkHealth(
	connection: WorkspaceConnection,
	options: HealthOptions = {}
): Promise<HealthResult> {
	const { timeoutMs = 3_000, retries = 1, signal } = options;
	if (!URL.canParse(connection.url)) {
		return { ok: false, error: apiError('unreachable', `"${connection.url}" is not a valid URL.`) };
	}
	const client = createClient(connection, { timeoutMs, fetch: options.fetch });
	let error: ApiError = apiError('unreachable', 'The health check did not run.');
	for (let attempt = 0; attempt <= retries && !signal?.aborted; attempt++) {
		const started = performance.now();
		const result = await call(client.GET('/global/health', { signal }));
		const latencyMs = Math.round(performance.now() - started);
		if (result.ok) {
			const { healthy, version } = (result.data ?? {}) as { healthy?: unknown; version?: unknown };
			if (typeof healthy === 'boolean' && typeof version === 'string') {
				return { ok: true, healthy, version, latencyMs };
			}
			return {
				ok: false,
				error: apiError('not_opencode', 'The health check answered, but not like opencode does.')
			};
		}
		error = result.error;
		if (error.kind !== 'unreachable') break;
	}
	return { ok: false, error };
}
