import { checkHealth, type HealthResult, type WorkspaceConnection } from '$lib/opencode/index.ts';

/**
 * The add/edit form's "Test connection": a health check with one retry, as a mutation function
 * (it answers a user's click, it is not cached data).
 */
export function testConnection(connection: WorkspaceConnection): Promise<HealthResult> {
	return checkHealth(connection, { timeoutMs: 4_000, retries: 1 });
}
