/** Options of {@link backoffDelay}. */
export type BackoffOptions = {
	/** Delay before the first retry, before jitter. @default 1_000 */
	baseMs?: number;
	/** The longest delay. @default 30_000 */
	maxMs?: number;
};

/**
 * How long to wait before retry number `attempt` (1-based): doubling from `baseMs` up to
 * `maxMs`, then "equal jitter" (half fixed, half random) so many clients that lost the same
 * server do not all come back at the same moment.
 */
export function backoffDelay(
	attempt: number,
	{ baseMs = 1_000, maxMs = 30_000 }: BackoffOptions = {},
	random: () => number = Math.random
): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
