/**
 * A workspace's connection as a user can read it. `retryAt` is epoch ms (for "retrying in N s").
 * - `connecting`: nothing known yet.
 * - `connected`: the server answers (and its event stream is open, when one is needed).
 * - `reconnecting`: the connection was lost; trying again.
 * - `unauthorized`: wrong credentials; no retries until they change.
 * - `unreachable`: no answer; retrying with backoff.
 * - `incompatible`: the answer is not an opencode API this app can talk to.
 * - `password_needed`: the stored password cannot be decrypted (its key is gone); the user must
 *   enter it again. Nothing is tried until then.
 */
export type WorkspaceStatus =
	| { state: 'connecting' }
	| { state: 'connected'; version: string; latencyMs: number }
	| { state: 'reconnecting'; attempt: number; retryAt: number }
	| { state: 'unauthorized' }
	| { state: 'unreachable'; attempt: number; retryAt: number }
	| { state: 'incompatible'; reason: string }
	| { state: 'password_needed' };

/** The status of a workspace nothing has been learned about yet. */
export const CONNECTING: WorkspaceStatus = Object.freeze({ state: 'connecting' });

/** The status of a workspace whose stored password cannot be decrypted any more. */
export const PASSWORD_NEEDED: WorkspaceStatus = Object.freeze({ state: 'password_needed' });

/** Whether the status is waiting to retry a lost or failing connection. */
export function isRetrying(
	status: WorkspaceStatus
): status is Extract<WorkspaceStatus, { retryAt: number }> {
	return status.state === 'reconnecting' || status.state === 'unreachable';
}
