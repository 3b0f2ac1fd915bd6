import { checkHealth, createClient, type WorkspaceConnection } from '$lib/opencode/index.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { runEventStream } from './event-stream.ts';
import type { LiveEvent } from './live-event.ts';
import { outcomeOfHealth, type ProbeFailure, type ProbeOutcome } from './probe-outcome.ts';
import { createSleeper } from './sleeper.ts';
import { CONNECTING, isRetrying, type WorkspaceStatus } from './workspace-status.ts';

/** Timing of the connection to one workspace. */
export type MonitorOptions = {
	backoff?: BackoffOptions;
	/** How often a workspace with no stream open is checked while it answers. @default 15_000 */
	pollIntervalMs?: number;
	/** Per health check. @default 5_000 */
	healthTimeoutMs?: number;
	/** From opening the event stream to its first event. @default 10_000 */
	firstEventTimeoutMs?: number;
	/** An open stream silent this long is dead (the server beats every 10 s). @default 25_000 */
	heartbeatTimeoutMs?: number;
	/** Retries after a lost connection shown as `reconnecting`, then `unreachable`. @default 3 */
	reconnectingAttempts?: number;
	/**
	 * A stream that drops sooner than this after opening makes the next wait longer, as if the
	 * reconnect had failed. @default 30_000
	 */
	stableAfterMs?: number;
};

const DEFAULTS = {
	backoff: {} as BackoffOptions,
	pollIntervalMs: 15_000,
	healthTimeoutMs: 5_000,
	firstEventTimeoutMs: 10_000,
	heartbeatTimeoutMs: 25_000,
	reconnectingAttempts: 3,
	stableAfterMs: 30_000
} satisfies Required<MonitorOptions>;

/** What a monitor needs from its surroundings. */
export type MonitorDeps = {
	connection: WorkspaceConnection;
	options?: MonitorOptions;
	/** @default globalThis.fetch */
	fetch?: (request: Request) => Promise<Response>;
	now: () => number;
	random: () => number;
	isVisible: () => boolean;
	onStatus(status: WorkspaceStatus): void;
	onEvent(event: LiveEvent): void;
	/** The stream opened: anything that changed while it was closed must be refetched. */
	onStreamOpen(): void;
	/** An open stream closed: no more events until it opens again. */
	onStreamClosed(): void;
};

/** The connection to one workspace: health checks, or an event stream while one is wanted. */
export type WorkspaceMonitor = {
	readonly status: WorkspaceStatus;
	/** Hold the event stream open (true), or only check the server now and then (false). */
	setStreaming(streaming: boolean): void;
	/** When waiting to retry a failed connection: retry now. */
	retryNow(): void;
	/** The page became visible: run checks that waited for it, retry failed connections now. */
	wake(): void;
	stop(): void;
};

/**
 * Starts watching one workspace. Without a stream wanted it checks `GET /global/health` every
 * `pollIntervalMs` (paused while the page is hidden); with one it keeps `GET /event` open.
 * Failures retry with backoff; a wrong password stops all retries for good.
 */
export function createWorkspaceMonitor(deps: MonitorDeps): WorkspaceMonitor {
	const options = { ...DEFAULTS, ...deps.options };
	const { connection, now } = deps;
	const streamClient = createClient(connection, { timeoutMs: 0, fetch: deps.fetch });
	const sleeper = createSleeper(deps.isVisible);
	let status: WorkspaceStatus = CONNECTING;
	let streaming = false;
	let stopped = false;
	let phase: 'probe' | 'stream' | 'sleep' = 'probe';
	let inFlight: AbortController | undefined;
	// Failures since the last success: shown to the user.
	let attempt = 0;
	// Streams in a row that dropped soon after opening: they lengthen the wait, so a server (or
	// proxy) that accepts and then cuts every stream is not hammered.
	let shortLived = 0;
	let everConnected = false;

	const setStatus = (next: WorkspaceStatus) => {
		status = next;
		if (!stopped) deps.onStatus(next);
	};

	const connected = (health: Extract<ProbeOutcome, { kind: 'ok' }>) => {
		everConnected = true;
		attempt = 0;
		setStatus({ state: 'connected', version: health.version, latencyMs: health.latencyMs });
	};

	const sleep = (ms: number, pauseWhileHidden: boolean) => {
		phase = 'sleep';
		return sleeper.sleep(ms, { pauseWhileHidden });
	};

	const settle = (outcome: ProbeFailure) => {
		switch (outcome.kind) {
			case 'unauthorized':
				setStatus({ state: 'unauthorized' });
				// Only new credentials help, and they come with a new monitor.
				return sleep(Infinity, false);
			case 'incompatible':
				attempt = 0;
				setStatus({ state: 'incompatible', reason: outcome.reason });
				// Rarely fixed by waiting, but a tunnel's error page can be: look again slowly.
				return sleep(Math.max(options.pollIntervalMs, options.backoff.maxMs ?? 30_000), true);
			case 'down': {
				attempt += 1;
				const delay = backoffDelay(attempt + shortLived, options.backoff, deps.random);
				const retryAt = now() + delay;
				const lost = everConnected && attempt <= options.reconnectingAttempts;
				setStatus({ state: lost ? 'reconnecting' : 'unreachable', attempt, retryAt });
				return sleep(delay, !streaming);
			}
		}
	};

	const probe = async (signal: AbortSignal) => {
		// Our own timer as well as the client's: it also covers reading the answer.
		const attemptController = new AbortController();
		const abort = () => attemptController.abort();
		const timer = setTimeout(abort, options.healthTimeoutMs);
		signal.addEventListener('abort', abort, { once: true });
		try {
			const result = await checkHealth(connection, {
				timeoutMs: options.healthTimeoutMs,
				retries: 0,
				signal: attemptController.signal,
				fetch: deps.fetch
			});
			return outcomeOfHealth(result);
		} finally {
			clearTimeout(timer);
			signal.removeEventListener('abort', abort);
		}
	};

	const openStream = async (health: Extract<ProbeOutcome, { kind: 'ok' }>, signal: AbortSignal) => {
		phase = 'stream';
		const end = await runEventStream({
			client: streamClient,
			signal,
			now,
			firstEventTimeoutMs: options.firstEventTimeoutMs,
			heartbeatTimeoutMs: options.heartbeatTimeoutMs,
			onOpen: () => {
				connected(health);
				deps.onStreamOpen();
			},
			onEvent: deps.onEvent
		});
		const openedAt = end.kind === 'dropped' || end.kind === 'aborted' ? end.openedAt : undefined;
		if (openedAt !== undefined) deps.onStreamClosed();
		if (stopped) return;
		// Released: the connection is fine, carry on with health checks.
		if (end.kind === 'aborted') return status.state === 'connected' ? pollWait() : undefined;
		if (end.kind !== 'dropped') return settle(end);
		if (openedAt !== undefined) {
			shortLived = now() - openedAt >= options.stableAfterMs ? 0 : shortLived + 1;
		}
		return settle({ kind: 'down', reason: end.reason });
	};

	const pollWait = () => sleep(options.pollIntervalMs, true);

	const cycle = async () => {
		if (!streaming && !deps.isVisible()) await sleep(0, true);
		if (stopped) return;
		phase = 'probe';
		const controller = new AbortController();
		inFlight = controller;
		try {
			const health = await probe(controller.signal);
			if (stopped || controller.signal.aborted) return;
			if (health.kind !== 'ok') return await settle(health);
			if (streaming) return await openStream(health, controller.signal);
			connected(health);
			return await pollWait();
		} finally {
			inFlight = undefined;
		}
	};

	void (async () => {
		while (!stopped) {
			try {
				await cycle();
			} catch (error) {
				console.error(`Live connection to ${connection.url} failed:`, error);
				await settle({ kind: 'down', reason: String(error) });
			}
		}
	})();

	const retryNow = () => {
		if (phase === 'sleep' && isRetrying(status)) sleeper.interrupt();
	};

	return {
		get status() {
			return status;
		},
		setStreaming(on) {
			if (on === streaming) return;
			streaming = on;
			if (on && phase === 'sleep' && status.state !== 'unauthorized') sleeper.interrupt();
			if (!on && phase === 'stream') inFlight?.abort();
		},
		retryNow,
		wake() {
			sleeper.wake();
			retryNow();
		},
		stop() {
			stopped = true;
			inFlight?.abort();
			sleeper.interrupt();
		}
	};
}
