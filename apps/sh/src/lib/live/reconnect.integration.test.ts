import { startHarness, waitFor, type Harness } from '@repo/opencode-harness';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unwrap } from '$lib/opencode/index.ts';
import { keys } from '$lib/query/keys.ts';
import { messagePageQueries } from '$lib/query/message-pages.ts';
import { promptMutations } from '$lib/query/prompt.ts';
import { createQueryClient } from '$lib/query/query-client.ts';
import { sessionMutations, sessionQueries } from '$lib/query/sessions.ts';
import type { MessageWithParts, Session, SessionStatusMap } from '$lib/query/types.ts';
import { connectionFor } from '$lib/workspaces/index.ts';
import {
	apiFor,
	directClient,
	FAST_LIVE,
	mutate,
	observe,
	switchableFetch,
	textOf,
	workspaceFor
} from '$test-support/integration-kit.ts';
import { createLiveManager } from './live-manager.ts';

const STORY = 'Once upon a time a small client lost its server and found it again. '.repeat(3);
const AWAY = 'Written while you were away.';

let harness: Harness;
beforeAll(async () => {
	harness = await startHarness({ servers: [{ password: 'restart-pw' }] });
});
afterAll(() => harness?.stop());

it('reconnects by itself after a restart mid-reply and refetches what it missed', async () => {
	const server = harness.servers[0]!;
	const workspace = workspaceFor(server, 'ws-restart');
	const network = switchableFetch();
	const queryClient = createQueryClient();
	const live = createLiveManager({
		queryClient,
		listWorkspaces: () => [workspace],
		connectionFor,
		fetch: network.fetch,
		options: FAST_LIVE
	});
	const api = apiFor(workspace, network.fetch);
	const direct = directClient(server);
	const ws = workspace.id;
	const status = () => live.status.get(ws).state;
	// Text deltas reach the cache through the timeout fallback here.
	expect(typeof requestAnimationFrame).toBe('undefined');
	try {
		await live.sync();
		const release = live.retain(ws);
		await waitFor(() => status() === 'connected', { description: 'first connection' });

		// A view lists the sessions and shows one being answered, slowly.
		const session = await mutate(queryClient, sessionMutations.create(api), { title: 'Story' });
		const views = [
			observe(queryClient, sessionQueries.list(api)),
			observe(queryClient, sessionQueries.statuses(api)),
			observe(queryClient, messagePageQueries.latest(api, session.id))
		];
		harness.model.setReply({ text: STORY, chunkSize: 4, chunkDelayMs: 100 });
		await mutate(queryClient, promptMutations.send(api), {
			sessionId: session.id,
			text: 'Tell me a story'
		});
		const cachedMessages = () =>
			queryClient.getQueryData<MessageWithParts[]>(keys.messages.list(ws, session.id)) ?? [];
		const streamed = await waitFor(
			() => {
				const text = textOf(cachedMessages().find((m) => m.info.role === 'assistant'));
				return text.length >= 12 && text;
			},
			{ description: 'part of the reply in the cache', timeoutMs: 20_000 }
		);
		expect(STORY.startsWith(streamed)).toBe(true);
		expect(streamed.length).toBeLessThan(STORY.length);

		// This client loses its network; meanwhile the server restarts in the middle of the reply.
		network.down();
		await server.restart();
		await waitFor(() => status() === 'reconnecting' || status() === 'unreachable', {
			description: 'the lost connection noticed'
		});

		// Someone else uses the server while this client cannot see it.
		harness.model.setReply(AWAY);
		const made = await unwrap(direct.POST('/session', { body: { title: 'Made while down' } }));
		await unwrap(
			direct.POST('/session/{sessionID}/prompt_async', {
				params: { path: { sessionID: session.id } },
				body: { parts: [{ type: 'text', text: 'Are you still there?' }] }
			})
		);
		const serverMessages = () =>
			unwrap(
				direct.GET('/session/{sessionID}/message', { params: { path: { sessionID: session.id } } })
			);
		await waitFor(
			async () => {
				const last = (await serverMessages()).at(-1);
				return last?.info.role === 'assistant' && last.info.time.completed && textOf(last) === AWAY;
			},
			{ description: 'the reply written while down', timeoutMs: 30_000 }
		);
		expect(status()).not.toBe('connected');

		network.up();
		await waitFor(() => status() === 'connected', {
			description: 'reconnected without help',
			timeoutMs: 15_000
		});

		// After the refetch the cache holds what the server holds.
		await waitFor(
			async () => {
				const [messages, sessions, statuses] = await Promise.all([
					serverMessages(),
					unwrap(direct.GET('/session')),
					unwrap(direct.GET('/session/status'))
				]);
				expect(cachedMessages()).toEqual(messages);
				expect(queryClient.getQueryData<Session[]>(keys.sessions.list(ws))).toEqual(sessions);
				expect(queryClient.getQueryData<SessionStatusMap>(keys.sessions.statuses(ws))).toEqual(
					statuses
				);
				return true;
			},
			{ description: 'the cache to match the server', timeoutMs: 15_000 }
		);
		const cachedSessions = queryClient.getQueryData<Session[]>(keys.sessions.list(ws)) ?? [];
		expect(cachedSessions.map((s) => s.id)).toContain(made.id);
		expect(textOf(cachedMessages().at(-1))).toBe(AWAY);

		views.forEach((stop) => stop());
		release();
	} finally {
		live.destroy();
	}
});
