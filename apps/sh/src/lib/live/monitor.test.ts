import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from './live-event.ts';
import { createWorkspaceMonitor, type MonitorOptions, type WorkspaceMonitor } from './monitor.ts';
import {
	createFakeServer,
	json,
	networkDown,
	noAnswer,
	type FakeServer
} from '$test-support/scripted-server.ts';
import type { WorkspaceStatus } from './workspace-status.ts';

const OPTIONS: MonitorOptions = {
	backoff: { baseMs: 1_000, maxMs: 8_000 },
	pollIntervalMs: 15_000,
	healthTimeoutMs: 3_000,
	firstEventTimeoutMs: 5_000,
	heartbeatTimeoutMs: 25_000,
	reconnectingAttempts: 2,
	stableAfterMs: 30_000
};

let server: FakeServer;
let monitors: WorkspaceMonitor[];
let visible: boolean;

beforeEach(() => {
	vi.useFakeTimers();
	server = createFakeServer();
	monitors = [];
	visible = true;
});
afterEach(() => {
	monitors.forEach((m) => m.stop());
	vi.useRealTimers();
});

function start(streaming: boolean, options: MonitorOptions = {}) {
	const statuses: WorkspaceStatus[] = [];
	const events: LiveEvent[] = [];
	const opened = vi.fn();
	const closed = vi.fn();
	const monitor = createWorkspaceMonitor({
		connection: { id: 'ws-1', url: 'http://127.0.0.1:4096', username: 'opencode', password: 'pw' },
		options: { ...OPTIONS, ...options },
		fetch: server.fetch,
		now: () => Date.now(),
		// Jitter at its top: every delay is the full doubling ceiling.
		random: () => 1,
		isVisible: () => visible,
		onStatus: (status) => statuses.push(status),
		onEvent: (event) => events.push(event),
		onStreamOpen: opened,
		onStreamClosed: closed
	});
	monitor.setStreaming(streaming);
	monitors.push(monitor);
	return { monitor, statuses, events, opened, closed };
}

/** Lets pending promises (fetch answers, stream reads) run without moving the clock. */
async function settle() {
	for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

describe('with a stream wanted', () => {
	it('connects: health, then the stream; connected once the first event arrives', async () => {
		const { monitor, opened, events } = start(true);
		expect(monitor.status).toEqual({ state: 'connecting' });
		await settle();
		expect(server.count('/global/health')).toBe(1);
		expect(server.count('/event')).toBe(1);
		expect(monitor.status).toMatchObject({ state: 'connected', version: '1.18.33' });
		expect(opened).toHaveBeenCalledTimes(1);
		expect(events.map((e) => e.type)).toEqual(['server.connected']);
		expect(server.requests[1]!.headers.get('authorization')).toMatch(/^Basic /);
	});

	it('reconnects after the stream drops, with growing delays, then calls it unreachable', async () => {
		const { monitor, closed, opened } = start(true, { stableAfterMs: 0 });
		await settle();
		server.answerHealth(() => networkDown());
		server.stream!.fail();
		await settle();
		expect(closed).toHaveBeenCalledTimes(1);
		const first = monitor.status;
		expect(first).toEqual({ state: 'reconnecting', attempt: 1, retryAt: Date.now() + 1_000 });

		await vi.advanceTimersByTimeAsync(1_000);
		await settle();
		expect(monitor.status).toEqual({
			state: 'reconnecting',
			attempt: 2,
			retryAt: Date.now() + 2_000
		});
		await vi.advanceTimersByTimeAsync(2_000);
		await settle();
		expect(monitor.status).toEqual({
			state: 'unreachable',
			attempt: 3,
			retryAt: Date.now() + 4_000
		});
		await vi.advanceTimersByTimeAsync(4_000);
		await settle();
		// Capped.
		expect(monitor.status).toMatchObject({ attempt: 4, retryAt: Date.now() + 8_000 });
		await vi.advanceTimersByTimeAsync(8_000);
		await settle();
		expect(monitor.status).toMatchObject({ attempt: 5, retryAt: Date.now() + 8_000 });

		server.answerHealth(() => json({ healthy: true, version: '1.18.40' }));
		await vi.advanceTimersByTimeAsync(8_000);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'connected', version: '1.18.40' });
		expect(opened).toHaveBeenCalledTimes(2);
		expect(server.openStreams()).toHaveLength(1);
	});

	it('retries at once when the page becomes visible or the network returns', async () => {
		const { monitor } = start(true, { stableAfterMs: 0 });
		await settle();
		server.answerHealth(() => networkDown());
		server.stream!.end();
		await settle();
		expect(monitor.status).toMatchObject({ state: 'reconnecting', attempt: 1 });
		await vi.advanceTimersByTimeAsync(1_000);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'reconnecting', attempt: 2 });
		const checks = server.count('/global/health');

		server.answerHealth(() => json({ healthy: true, version: '1.18.33' }));
		monitor.retryNow();
		await settle();
		expect(server.count('/global/health')).toBe(checks + 1);
		expect(monitor.status.state).toBe('connected');

		server.answerHealth(() => networkDown());
		server.stream!.end();
		await settle();
		// Counted from the last success again.
		expect(monitor.status).toMatchObject({ state: 'reconnecting', attempt: 1 });
		server.answerHealth(() => json({ healthy: true, version: '1.18.33' }));
		monitor.wake();
		await settle();
		expect(monitor.status.state).toBe('connected');
	});

	it('waits longer after streams that keep dropping right after opening', async () => {
		const { monitor } = start(true);
		await settle();
		const waits: number[] = [];
		for (let i = 0; i < 3; i++) {
			server.stream!.end();
			await settle();
			const status = monitor.status as { attempt: number; retryAt: number };
			expect(status.attempt).toBe(1);
			waits.push(status.retryAt - Date.now());
			await vi.advanceTimersByTimeAsync(status.retryAt - Date.now());
			await settle();
			expect(monitor.status.state).toBe('connected');
		}
		expect(waits).toEqual([2_000, 4_000, 8_000]);

		// A stream that lasted starts over.
		await vi.advanceTimersByTimeAsync(20_000);
		server.stream!.write(': beat\n\n');
		await vi.advanceTimersByTimeAsync(10_000);
		server.stream!.end();
		await settle();
		expect(monitor.status).toMatchObject({ attempt: 1, retryAt: Date.now() + 1_000 });
	});

	it('treats a stream silent for 25 s as dead; any bytes, comments too, keep it alive', async () => {
		const { monitor } = start(true, { stableAfterMs: 60_000 });
		await settle();
		const stream = server.stream!;
		await vi.advanceTimersByTimeAsync(20_000);
		stream.write(': keep-alive comment\n\n');
		await settle();
		await vi.advanceTimersByTimeAsync(20_000);
		expect(stream.closed).toBe(false);
		expect(monitor.status.state).toBe('connected');

		await vi.advanceTimersByTimeAsync(5_000);
		await settle();
		expect(stream.closed).toBe(true);
		expect(monitor.status).toMatchObject({ state: 'reconnecting', attempt: 1 });
		await vi.advanceTimersByTimeAsync(2_000);
		await settle();
		expect(server.streams).toHaveLength(2);
		expect(monitor.status.state).toBe('connected');
	});

	it('gives up on a stream that never sends its first event', async () => {
		server.answerEvents((request) => server.openStream(request, { greet: false }));
		const { monitor, opened } = start(true);
		await settle();
		expect(monitor.status).toEqual({ state: 'connecting' });
		await vi.advanceTimersByTimeAsync(5_000);
		await settle();
		expect(server.streams[0]!.closed).toBe(true);
		expect(opened).not.toHaveBeenCalled();
		expect(monitor.status).toMatchObject({ state: 'unreachable', attempt: 1 });
	});

	it('stops for good on a wrong password: one request, then nothing', async () => {
		server.answerHealth(() => new Response(null, { status: 401 }));
		const { monitor, statuses } = start(true);
		await settle();
		expect(monitor.status).toEqual({ state: 'unauthorized' });
		monitor.retryNow();
		monitor.wake();
		monitor.setStreaming(false);
		monitor.setStreaming(true);
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect(server.requests).toHaveLength(1);
		expect(statuses).toEqual([{ state: 'unauthorized' }]);
	});

	it('calls the stream unauthorized too when only /event refuses the password', async () => {
		server.answerEvents(() => new Response(null, { status: 401 }));
		const { monitor } = start(true);
		await settle();
		expect(monitor.status).toEqual({ state: 'unauthorized' });
	});

	it.each([
		[
			'a web page',
			() => new Response('<html></html>', { headers: { 'content-type': 'text/html' } })
		],
		['another JSON API', () => json({ status: 'ok' })],
		['opencode 2', () => json({ healthy: true, version: '2.0.1' })]
	])('calls %s incompatible', async (_name, answer) => {
		server.answerHealth(answer);
		const { monitor } = start(true);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'incompatible' });
		expect((monitor.status as { reason: string }).reason).toMatch(/\S/);
		expect(server.count('/event')).toBe(0);
	});

	it('calls a stream that does not carry opencode events incompatible', async () => {
		server.answerEvents((request) => {
			const response = server.openStream(request, { greet: false });
			server.stream!.write('data: hello\n\n');
			return response;
		});
		const { monitor } = start(true);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'incompatible' });
	});

	it('counts a health check that hangs as a failure after its timeout', async () => {
		server.answerHealth(noAnswer);
		const { monitor } = start(true);
		await settle();
		expect(monitor.status).toEqual({ state: 'connecting' });
		await vi.advanceTimersByTimeAsync(3_000);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'unreachable', attempt: 1 });
	});

	it('closes the stream when no longer wanted, keeping the status', async () => {
		const { monitor, closed } = start(true);
		await settle();
		monitor.setStreaming(false);
		await settle();
		expect(server.stream!.closed).toBe(true);
		expect(closed).toHaveBeenCalledTimes(1);
		expect(monitor.status.state).toBe('connected');
		expect(server.count('/global/health')).toBe(1);
	});
});

describe('with no stream wanted', () => {
	it('checks health every 15 s and never opens a stream', async () => {
		const { monitor } = start(false);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'connected', version: '1.18.33' });
		await vi.advanceTimersByTimeAsync(15_000 * 3);
		await settle();
		expect(server.count('/global/health')).toBe(4);
		expect(server.count('/event')).toBe(0);
	});

	it('checks sooner, by backoff, while the server is down', async () => {
		const { monitor } = start(false);
		await settle();
		server.answerHealth(() => networkDown());
		await vi.advanceTimersByTimeAsync(15_000);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'reconnecting', attempt: 1 });
		await vi.advanceTimersByTimeAsync(1_000);
		await settle();
		expect(monitor.status).toMatchObject({ state: 'reconnecting', attempt: 2 });
	});

	it('pauses while the page is hidden and catches up when it is visible', async () => {
		const { monitor } = start(false);
		await settle();
		visible = false;
		await vi.advanceTimersByTimeAsync(60_000);
		expect(server.count('/global/health')).toBe(1);
		visible = true;
		monitor.wake();
		await settle();
		expect(server.count('/global/health')).toBe(2);
	});

	it('opens the stream at once when one becomes wanted', async () => {
		const { monitor } = start(false);
		await settle();
		monitor.setStreaming(true);
		await settle();
		expect(server.openStreams()).toHaveLength(1);
	});
});
