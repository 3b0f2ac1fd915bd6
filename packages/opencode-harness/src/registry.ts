import { rmSync } from 'node:fs';

/** Something started by the harness that must not outlive the test process. */
export type Disposable = {
	/** Process group ids to SIGKILL if the test process goes away first. */
	pids(): number[];
	/** Directories to delete then. */
	dirs(): string[];
	/** The graceful way, used by {@link stopAll}. */
	stop(): Promise<void>;
};

const running = new Set<Disposable>();
let hooked = false;

/** Tracks `item` until {@link unregister}; installs the exit hooks on first use. */
export function register(item: Disposable): void {
	running.add(item);
	if (!hooked) installHooks();
}

/** Stops tracking `item` (it has been stopped). */
export function unregister(item: Disposable): void {
	running.delete(item);
}

/** Stops every server the harness started in this process, and removes their directories. */
export async function stopAll(): Promise<void> {
	await Promise.allSettled([...running].map((item) => item.stop()));
}

function killAllSync(): void {
	for (const item of running) {
		for (const pid of item.pids()) {
			try {
				// Negative pid: the whole process group, so tools opencode spawned die too.
				process.kill(-pid, 'SIGKILL');
			} catch {
				// Already gone.
			}
		}
		for (const dir of item.dirs()) rmSync(dir, { recursive: true, force: true });
	}
	running.clear();
}

function installHooks(): void {
	hooked = true;
	process.on('exit', killAllSync);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		const onSignal = () => {
			killAllSync();
			process.off(signal, onSignal);
			// Without other listeners this re-raise takes the default action: the process ends.
			if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
		};
		process.on(signal, onSignal);
	}
}
