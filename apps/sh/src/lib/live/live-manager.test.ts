import { QueryObserver, type QueryClient } from '@tanstack/svelte-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keys } from '$lib/query/keys.ts';
import { createQueryClient } from '$lib/query/query-client.ts';
import { session } from '$test-support/query-data.ts';
import type { Session } from '$lib/query/types.ts';
import { connectionFor, type Workspace } from '$lib/workspaces/index.ts';
import { createLiveManager, type LiveManager } from './live-manager.ts';
import type { PageSignals } from './page-signals.ts';
import { events } from '$test-support/events.ts';
import {
	createFakeServer,
	json,
	noAnswer,
	type FakeServer
} from '$test-support/scripted-server.ts';

let server: FakeServer;
let queryClient: QueryClient;
let list: Workspace[];
let managers: LiveManager[];

function workspace(id: string, overrides: Partial<Workspace> = {}): Workspace {
	return {
		id,
		name: id,
		url: `http://127.0.0.1:${4000 + Number(id.replace(/\D/g, '') || 0)}`,
		port: 4000,
		username: 'opencode',
		password: 'pw',
		createdAt: 0,
		lastUsedAt: 0,
		...overrides
	};
}

function manualPage() {
	let handlers: Parameters<PageSignals['listen']>[0] | undefined;
	let visible = true;
	return {
		signals: {
			isVisible: () => visible,
			listen: (h) => {
				handlers = h;
				return () => (handlers = undefined);
			}
		} satisfies PageSignals,
		show() {
			visible = true;
			handlers?.onVisible();
		},
		hide: () => void (visible = false),
		online: () => handlers?.onOnline()
	};
}

function start(page = manualPage()) {
	const manager = createLiveManager({
		queryClient,
		listWorkspaces: () => list,
		connectionFor,
		fetch: server.fetch,
		random: () => 1,
		page: page.signals,
		options: { backoff: { baseMs: 1_000, maxMs: 8_000 }, releaseDelayMs: 2_000 }
	});
	managers.push(manager);
	return manager;
}

async function settle() {
	for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
	vi.useFakeTimers();
	server = createFakeServer();
	queryClient = createQueryClient();
	list = [workspace('ws-1')];
	managers = [];
});
afterEach(() => {
	managers.forEach((m) => m.destroy());
	vi.useRealTimers();
});

describe('streams', () => {
	it('opens one stream per workspace however many views retain it', async () => {
		const live = start();
		await live.sync();
		const releases = [live.retain('ws-1'), live.retain('ws-1'), live.retain('ws-1')];
		await settle();
		expect(server.openStreams()).toHaveLength(1);
		expect(live.status.get('ws-1')).toMatchObject({ state: 'connected' });

		releases[0]!();
		releases[0]!();
		releases[1]!();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(server.openStreams()).toHaveLength(1);
		releases[2]!();
		await vi.advanceTimersByTimeAsync(1_999);
		expect(server.openStreams()).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		await settle();
		expect(server.openStreams()).toHaveLength(0);
		expect(live.status.get('ws-1')).toMatchObject({ state: 'connected' });
	});

	it('keeps the stream when a view lets go and another takes it within the delay', async () => {
		const live = start();
		await live.sync();
		const release = live.retain('ws-1');
		await settle();
		release();
		await vi.advanceTimersByTimeAsync(1_000);
		const again = live.retain('ws-1');
		await vi.advanceTimersByTimeAsync(10_000);
		expect(server.streams).toHaveLength(1);
		expect(server.openStreams()).toHaveLength(1);
		again();
	});

	it('starts a stream retained before its workspace was known', async () => {
		list = [];
		const live = start();
		await live.sync();
		live.retain('ws-1');
		list = [workspace('ws-1')];
		await live.sync();
		await settle();
		expect(server.openStreams()).toHaveLength(1);
	});

	it('writes events into the cache and refetches what is on screen after each (re)connect', async () => {
		const queryFn = vi.fn(async () => [session('ses_old')]);
		const unsubscribe = new QueryObserver(queryClient, {
			queryKey: keys.sessions.list('ws-1'),
			queryFn
		}).subscribe(() => {});
		const live = start();
		await live.sync();
		live.retain('ws-1');
		await settle();
		expect(queryFn).toHaveBeenCalledTimes(2);

		server.stream!.send(
			events.sessionCreated(session('ses_new', { time: { created: 5_000, updated: 5_000 } }))
		);
		await settle();
		const ids = () =>
			queryClient.getQueryData<Session[]>(keys.sessions.list('ws-1'))?.map((s) => s.id);
		expect(ids()).toEqual(['ses_new', 'ses_old']);
		expect(queryFn).toHaveBeenCalledTimes(2);

		server.stream!.fail();
		await settle();
		expect(live.status.get('ws-1')).toMatchObject({ state: 'reconnecting', attempt: 1 });
		await vi.advanceTimersByTimeAsync(2_000);
		await settle();
		expect(live.status.get('ws-1')).toMatchObject({ state: 'connected' });
		expect(queryFn).toHaveBeenCalledTimes(3);
		expect(ids()).toEqual(['ses_old']);
		unsubscribe();
	});
});

describe('the workspace list', () => {
	it('checks every stored workspace in parallel: a slow one delays no other', async () => {
		list = [workspace('ws-1'), workspace('ws-2'), workspace('ws-3')];
		server.answerHealth((request) =>
			new URL(request.url).port === '4002'
				? noAnswer(request)
				: json({ healthy: true, version: '1.18.33' })
		);
		const live = start();
		await live.sync();
		await settle();
		expect(live.status.get('ws-1').state).toBe('connected');
		expect(live.status.get('ws-2').state).toBe('connecting');
		expect(live.status.get('ws-3').state).toBe('connected');
		expect(server.count('/event')).toBe(0);
	});

	it('drops a deleted workspace: its stream, status and cache', async () => {
		list = [workspace('ws-1'), workspace('ws-2')];
		const live = start();
		await live.sync();
		live.retain('ws-1');
		await settle();
		queryClient.setQueryData(keys.sessions.list('ws-1'), [session('ses_1')]);
		queryClient.setQueryData(keys.sessions.list('ws-2'), [session('ses_2')]);

		list = [workspace('ws-2')];
		await live.sync();
		await settle();
		expect(server.openStreams()).toHaveLength(0);
		expect(live.status.get('ws-1')).toEqual({ state: 'connecting' });
		expect(queryClient.getQueryData(keys.sessions.list('ws-1'))).toBeUndefined();
		expect(queryClient.getQueryData(keys.sessions.list('ws-2'))).toHaveLength(1);
		const checks = server.requests.length;
		await vi.advanceTimersByTimeAsync(60_000);
		expect(
			server.requests.slice(checks).every((r) => new URL(r.url).origin === workspace('ws-2').url)
		).toBe(true);
	});

	it('reconnects with new credentials, and stops retrying old wrong ones', async () => {
		server.answerHealth((request) =>
			request.headers.get('authorization') === 'Basic b3BlbmNvZGU6cmlnaHQ='
				? json({ healthy: true, version: '1.18.33' })
				: new Response(null, { status: 401 })
		);
		list = [workspace('ws-1', { password: 'wrong' })];
		const live = start();
		await live.sync();
		live.retain('ws-1');
		await settle();
		expect(live.status.get('ws-1')).toEqual({ state: 'unauthorized' });
		await vi.advanceTimersByTimeAsync(60_000);
		expect(server.requests).toHaveLength(1);

		list = [workspace('ws-1', { password: 'right', lastUsedAt: 5 })];
		await live.sync();
		await settle();
		expect(live.status.get('ws-1')).toMatchObject({ state: 'connected' });
		expect(server.openStreams()).toHaveLength(1);

		// Other changes (here: last used) leave the connection alone.
		list = [workspace('ws-1', { password: 'right', lastUsedAt: 9 })];
		await live.sync();
		await settle();
		expect(server.streams).toHaveLength(1);
	});

	it('forgets cached data when the URL changes to another server', async () => {
		const live = start();
		await live.sync();
		queryClient.setQueryData(keys.sessions.list('ws-1'), [session('ses_1')]);
		list = [workspace('ws-1', { url: 'http://127.0.0.1:5999' })];
		await live.sync();
		expect(queryClient.getQueryData(keys.sessions.list('ws-1'))).toBeUndefined();
	});
});

describe('the page', () => {
	it('retries failed connections at once when visible again or back online', async () => {
		server.answerHealth(() => Promise.reject(new TypeError('fetch failed')));
		const page = manualPage();
		const live = start(page);
		await live.sync();
		await settle();
		expect(live.status.get('ws-1')).toMatchObject({ state: 'unreachable', attempt: 1 });
		page.online();
		await settle();
		expect(live.status.get('ws-1')).toMatchObject({ state: 'unreachable', attempt: 2 });
		page.hide();
		page.show();
		await settle();
		expect(live.status.get('ws-1')).toMatchObject({ state: 'unreachable', attempt: 3 });
	});

	it('pauses health checks while hidden', async () => {
		const page = manualPage();
		page.hide();
		const live = start(page);
		await live.sync();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(server.requests).toHaveLength(0);
		page.show();
		await settle();
		expect(server.requests).toHaveLength(1);
		expect(live.status.get('ws-1').state).toBe('connected');
	});
});
