import { MutationObserver, QueryClient } from '@tanstack/svelte-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '$lib/opencode/index.ts';
import { jsonResponse, recordingFetch, testConnection } from '$test-support/fetch.ts';
import { keys } from './keys.ts';
import { messagePageMutations, messagePageQueries } from './message-pages.ts';
import { promptMutations } from './prompt.ts';
import { createQueryClient } from './query-client.ts';
import { textPart, userMessage, withParts } from '$test-support/query-data.ts';
import type { MessageWithParts, SessionStatusMap } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

const WS = 'ws-1';
let queryClient: QueryClient;
let respond: (request: Request) => Response;
let recorder: ReturnType<typeof recordingFetch>;

const api: WorkspaceApi = {
	id: WS,
	client: async () => createClient(testConnection({ id: WS }), { fetch: recorder.fetch })
};

const message = (id: string) =>
	withParts(userMessage(id, 'ses_1'), [
		textPart(`prt_${id}`, { sessionID: 'ses_1', messageID: id }, id)
	]);
const messages = () =>
	queryClient.getQueryData<MessageWithParts[]>(keys.messages.list(WS, 'ses_1'));
const older = () => queryClient.getQueryData<string | null>(keys.messages.older(WS, 'ses_1'));
const page = (list: MessageWithParts[], cursor?: string) => {
	const response = jsonResponse(list);
	if (cursor) response.headers.set('x-next-cursor', cursor);
	return response;
};

beforeEach(() => {
	queryClient = createQueryClient();
	respond = () => jsonResponse(true);
	recorder = recordingFetch((request) => respond(request));
});

describe('message pages', () => {
	it('loads the newest page with its cursor, then puts the older page in front', async () => {
		respond = () => page([message('msg_3'), message('msg_4')], 'cursor-1');
		await queryClient.fetchQuery(messagePageQueries.latest(api, 'ses_1'));
		expect(new URL(recorder.requests[0]!.url).searchParams.get('limit')).toBe('40');
		expect(older()).toBe('cursor-1');

		respond = () => page([message('msg_1'), message('msg_2'), message('msg_3')]);
		await new MutationObserver(queryClient, messagePageMutations.loadOlder(api)).mutate({
			sessionId: 'ses_1',
			cursor: 'cursor-1'
		});
		expect(new URL(recorder.requests[1]!.url).searchParams.get('before')).toBe('cursor-1');
		expect(messages()?.map((m) => m.info.id)).toEqual(['msg_1', 'msg_2', 'msg_3', 'msg_4']);
		expect(older()).toBeNull();
	});

	it('refetches as many messages as are loaded, so paging is not undone', async () => {
		queryClient.setQueryData(
			keys.messages.list(WS, 'ses_1'),
			Array.from({ length: 55 }, (_, i) => message(`msg_${i}`))
		);
		respond = () => page([]);
		await queryClient.fetchQuery({ ...messagePageQueries.latest(api, 'ses_1'), staleTime: 0 });
		expect(recorder.requests).toHaveLength(1);
		expect(new URL(recorder.requests.at(-1)!.url).searchParams.get('limit')).toBe('55');
	});
});

describe('sending a prompt', () => {
	beforeEach(() => {
		queryClient.setQueryData(keys.messages.list(WS, 'ses_1'), [message('msg_1')]);
		queryClient.setQueryData<SessionStatusMap>(keys.sessions.statuses(WS), {});
	});

	const send = () =>
		new MutationObserver(queryClient, promptMutations.send(api)).mutate({
			sessionId: 'ses_1',
			text: 'Hello',
			model: { providerID: 'fake', modelID: 'fake-model' },
			agent: 'build'
		});

	it('shows the message at once, busy, with the ids the server will use', async () => {
		let seenAtRequest: MessageWithParts[] | undefined;
		respond = () => {
			seenAtRequest = messages();
			return new Response(null, { status: 204 });
		};
		await send();
		const optimistic = seenAtRequest?.at(-1);
		expect(optimistic?.info.role).toBe('user');
		expect(optimistic?.parts[0]).toMatchObject({ type: 'text', text: 'Hello' });
		const body = await recorder.requests[0]!.json();
		expect(body).toMatchObject({
			messageID: optimistic?.info.id,
			parts: [{ id: optimistic?.parts[0]?.id, type: 'text', text: 'Hello' }],
			model: { providerID: 'fake', modelID: 'fake-model' },
			agent: 'build'
		});
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toEqual({
			ses_1: { type: 'busy' }
		});
	});

	it('takes the message back when the server refuses it', async () => {
		respond = () => jsonResponse({ name: 'BadRequest', data: { message: 'busy' } }, 400);
		await expect(send()).rejects.toThrow('busy');
		expect(messages()?.map((m) => m.info.id)).toEqual(['msg_1']);
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toEqual({});
	});
});
