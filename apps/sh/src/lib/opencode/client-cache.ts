import { createClient, type OpencodeClient } from './client.ts';
import type { WorkspaceConnection } from './connection.ts';

const clients = new Map<string, { key: string; client: OpencodeClient }>();

/**
 * The client for a workspace, created on first use and reused while its URL and credentials
 * stay the same (a changed password gets a new client).
 */
export function getClient(connection: WorkspaceConnection): OpencodeClient {
	const key = JSON.stringify([connection.url, connection.username, connection.password]);
	const cached = clients.get(connection.id);
	if (cached?.key === key) return cached.client;
	const client = createClient(connection);
	clients.set(connection.id, { key, client });
	return client;
}

/** Drops a workspace's cached client (the workspace was removed). */
export function forgetClient(id: string): void {
	clients.delete(id);
}
