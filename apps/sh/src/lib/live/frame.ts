/** Runs `callback` once soon; returns a cancel function. */
export type FrameScheduler = (callback: () => void) => () => void;

/** Delay used where there are no animation frames (node, some workers). */
export const FALLBACK_FRAME_MS = 16;

/** The next animation frame, or a short timeout where `requestAnimationFrame` does not exist. */
export const scheduleFrame: FrameScheduler = (callback) => {
	if (typeof requestAnimationFrame === 'function') {
		const id = requestAnimationFrame(() => callback());
		return () => cancelAnimationFrame(id);
	}
	const timer = setTimeout(callback, FALLBACK_FRAME_MS);
	return () => clearTimeout(timer);
};
