import { startHarness, waitFor, type Harness } from '@repo/opencode-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader, unwrap } from '$lib/opencode/index.ts';
import { keys } from '$lib/query/keys.ts';
import { messagePageQueries } from '$lib/query/message-pages.ts';
import { promptMutations } from '$lib/query/prompt.ts';
import { createQueryClient } from '$lib/query/query-client.ts';
import { sessionMutations, sessionQueries } from '$lib/query/sessions.ts';
import type { MessageWithParts, Session } from '$lib/query/types.ts';
import { connectionFor } from '$lib/workspaces/index.ts';
import {
	apiFor,
	countingFetch,
	directClient,
	FAST_LIVE,
	mutate,
	observe,
	textOf,
	workspaceFor
} from '$test-support/integration-kit.ts';
import type { LiveEvent } from './live-event.ts';
import { createLiveManager } from './live-manager.ts';
import type { PageSignals } from './page-signals.ts';

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness({
		servers: [
			{ username: 'alice', password: 'pw-a' },
			{ username: 'bob', password: 'pw-b' }
		]
	});
});
afterAll(() => harness?.stop());

/** Page signals a test can fire. */
function manualPage() {
	let handlers: Parameters<PageSignals['listen']>[0] | undefined;
	const signals: PageSignals = {
		isVisible: () => true,
		listen: (h) => {
			handlers = h;
			return () => (handlers = undefined);
		}
	};
	return { signals, visible: () => handlers?.onVisible(), online: () => handlers?.onOnline() };
}

describe('a wrong password', () => {
	it('settles on unauthorized after one request and stays there', async () => {
		const server = harness.servers[0]!;
		const wrong = workspaceFor(server, 'ws-wrong', 'not-the-password');
		// Same server, right password, only health-checked: shows retries would be seen in time.
		const control = workspaceFor(server, 'ws-control');
		const network = countingFetch();
		const page = manualPage();
		const live = createLiveManager({
			queryClient: createQueryClient(),
			listWorkspaces: () => [wrong, control],
			connectionFor,
			fetch: network.fetch,
			page: page.signals,
			options: { ...FAST_LIVE, backoff: { baseMs: 20, maxMs: 50 }, pollIntervalMs: 50 }
		});
		const wrongRequests = () => network.count(basicAuthHeader(server.username, 'not-the-password'));
		const controlRequests = () => network.count(basicAuthHeader(server.username, 'pw-a'));
		try {
			await live.sync();
			const release = live.retain(wrong.id);
			await waitFor(() => live.status.get(wrong.id).state === 'unauthorized');
			expect(wrongRequests()).toBe(1);

			// Coming back online or into view retries failures, but not this one.
			page.online();
			page.visible();
			const controlBefore = controlRequests();
			await waitFor(() => controlRequests() >= controlBefore + 10, {
				description: 'ten more checks of the control workspace'
			});
			expect(live.status.get(control.id).state).toBe('connected');
			expect(live.status.get(wrong.id)).toEqual({ state: 'unauthorized' });
			expect(wrongRequests()).toBe(1);
			release();
		} finally {
			live.destroy();
		}
	});
});

describe('two workspaces streaming at once', () => {
	it('keep their events and caches apart', async () => {
		const [serverA, serverB] = harness.servers as [
			(typeof harness.servers)[0],
			(typeof harness.servers)[0]
		];
		const wsA = workspaceFor(serverA, 'ws-a');
		const wsB = workspaceFor(serverB, 'ws-b');
		const queryClient = createQueryClient();
		const seen = new Map<string, LiveEvent[]>([
			[wsA.id, []],
			[wsB.id, []]
		]);
		const live = createLiveManager({
			queryClient,
			listWorkspaces: () => [wsA, wsB],
			connectionFor,
			options: FAST_LIVE,
			onEvent: (id, event) => seen.get(id)!.push(event)
		});
		const stops: (() => void)[] = [];
		try {
			await live.sync();
			stops.push(live.retain(wsA.id), live.retain(wsB.id));
			await waitFor(() => [wsA, wsB].every((ws) => live.status.get(ws.id).state === 'connected'));

			const reply = 'Each workspace hears only its own server.';
			harness.model.setReply({ text: reply, chunkSize: 3, chunkDelayMs: 20 });
			const sides = await Promise.all(
				[wsA, wsB].map(async (ws) => {
					const api = apiFor(ws);
					const session = await mutate(queryClient, sessionMutations.create(api), {});
					stops.push(
						observe(queryClient, sessionQueries.list(api)),
						observe(queryClient, messagePageQueries.latest(api, session.id))
					);
					await mutate(queryClient, promptMutations.send(api), {
						sessionId: session.id,
						text: `Hello ${ws.id}`
					});
					return { ws, session };
				})
			);

			for (const { ws, session } of sides) {
				await waitFor(
					() => {
						const messages = queryClient.getQueryData<MessageWithParts[]>(
							keys.messages.list(ws.id, session.id)
						);
						const last = messages?.at(-1);
						return last?.info.role === 'assistant' && last.info.time.completed && textOf(last);
					},
					{ description: `the reply in ${ws.id}'s cache`, timeoutMs: 30_000 }
				);
			}

			const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
			for (const [own, other, server] of [
				[a, b, serverA],
				[b, a, serverB]
			] as const) {
				const cachedIds = (
					queryClient.getQueryData<Session[]>(keys.sessions.list(own.ws.id)) ?? []
				).map((s) => s.id);
				const serverIds = (await unwrap(directClient(server).GET('/session'))).map((s) => s.id);
				expect(cachedIds).toEqual(serverIds);
				expect(cachedIds).toContain(own.session.id);

				const ownCache = queryClient
					.getQueryCache()
					.findAll({ queryKey: keys.workspace(own.ws.id) })
					.map((query) => JSON.stringify(query.state.data));
				expect(ownCache.join('')).not.toContain(other.session.id);

				const events = seen.get(own.ws.id)!;
				expect(events.some((e) => e.type === 'message.part.delta')).toBe(true);
				expect(JSON.stringify(events)).toContain(own.session.id);
				expect(JSON.stringify(events)).not.toContain(other.session.id);
				expect(
					textOf(
						queryClient
							.getQueryData<MessageWithParts[]>(keys.messages.list(own.ws.id, own.session.id))
							?.at(-1)
					)
				).toBe(reply);
			}
		} finally {
			stops.forEach((stop) => stop());
			live.destroy();
		}
	});
});
