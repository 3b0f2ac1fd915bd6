/** Options of {@link Sleeper.sleep}. */
export type SleepOptions = {
	/** When the time is up while the page is hidden, keep sleeping until it is visible. */
	pauseWhileHidden?: boolean;
};

/** One interruptible wait at a time. */
export type Sleeper = {
	/** Waits `ms` (Infinity: until interrupted). A new sleep ends the previous one. */
	sleep(ms: number, options?: SleepOptions): Promise<void>;
	/** Ends the current sleep now. */
	interrupt(): void;
	/** The page became visible: a sleep whose time came while hidden ends. */
	wake(): void;
};

/** Creates a {@link Sleeper}; `isVisible` tells whether the page is visible. */
export function createSleeper(isVisible: () => boolean): Sleeper {
	let current:
		{ resolve: () => void; timer?: ReturnType<typeof setTimeout>; due: boolean } | undefined;

	const finish = () => {
		if (!current) return;
		clearTimeout(current.timer);
		const { resolve } = current;
		current = undefined;
		resolve();
	};

	return {
		sleep(ms, { pauseWhileHidden = false } = {}) {
			finish();
			return new Promise<void>((resolve) => {
				const entry: NonNullable<typeof current> = { resolve, due: false };
				current = entry;
				if (!Number.isFinite(ms)) return;
				entry.timer = setTimeout(() => {
					entry.due = true;
					if (current === entry && (!pauseWhileHidden || isVisible())) finish();
				}, ms);
			});
		},
		interrupt: finish,
		wake() {
			if (current?.due) finish();
		}
	};
}
