import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link waitFor}. */
export type WaitForOptions = {
	/** Give up after this long. @default 10_000 */
	timeoutMs?: number;
	/** Pause between attempts. @default 100 */
	intervalMs?: number;
	/** Names the condition in the timeout error. */
	description?: string;
};

/**
 * Polls `check` until it returns something other than `undefined`/`false`, and returns that.
 * Errors thrown by `check` count as "not yet"; the last one is reported on timeout.
 */
export async function waitFor<T>(
	check: () => T | undefined | false | Promise<T | undefined | false>,
	options: WaitForOptions = {}
): Promise<T> {
	const { timeoutMs = 10_000, intervalMs = 100, description = 'condition' } = options;
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() >= deadline) {
			const cause = lastError === undefined ? '' : ` (last error: ${String(lastError)})`;
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
		}
		await sleep(intervalMs);
	}
}
