import { createSubscriber } from 'svelte/reactivity';

/**
 * The current time as a reactive value that ticks every `intervalMs`, but only while something
 * reads it (an interval per reader would be waste; none when nothing shows a time).
 */
export function createClock(intervalMs: number) {
	let now = Date.now();
	const subscribe = createSubscriber((update) => {
		const timer = setInterval(() => {
			now = Date.now();
			update();
		}, intervalMs);
		return () => clearInterval(timer);
	});
	return {
		get now() {
			subscribe();
			return now;
		}
	};
}

/** Ticks once a second: countdowns such as "reconnecting in 4 s". */
export const secondsClock = createClock(1_000);
/** Ticks every 30 s: "last used 5 minutes ago". */
export const minutesClock = createClock(30_000);
