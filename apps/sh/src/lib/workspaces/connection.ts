import type { WorkspaceConnection } from '$lib/opencode/connection.ts';
import { unseal } from './sealing/seal.ts';
import type { Workspace } from './workspace.ts';

// Decrypting is cheap but async; remembering the result (in memory only) keeps the many
// callers that need a connection from waiting on Web Crypto each time.
const unsealed = new Map<string, Promise<string>>();

/**
 * The one place a workspace's password is read: it is stored sealed (AES-GCM, key in IndexedDB).
 * Rejects with `PasswordUnavailableError` when the key is gone; the user must enter it again.
 */
export async function connectionFor(workspace: Workspace): Promise<WorkspaceConnection> {
	let password = unsealed.get(workspace.password);
	if (!password) {
		password = unseal(workspace.password);
		unsealed.set(workspace.password, password);
		password.catch(() => unsealed.delete(workspace.password));
	}
	return {
		id: workspace.id,
		url: workspace.url,
		username: workspace.username,
		password: await password
	};
}
