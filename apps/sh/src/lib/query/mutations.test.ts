import {
	MutationObserver,
	QueryClient,
	type MutationObserverOptions
} from '@tanstack/svelte-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '$lib/opencode/index.ts';
import { keys } from './keys.ts';
import { messagePageQueries } from './message-pages.ts';
import { promptMutations } from './prompt.ts';
import { permissionMutations } from './permissions.ts';
import { createQueryClient } from './query-client.ts';
import { sessionMutations, sessionQueries } from './sessions.ts';
import { permissionRequest, session } from '$test-support/query-data.ts';
import type { Session } from './types.ts';
import type { WorkspaceApi } from './workspace-api.ts';

const WS = 'ws-1';
let queryClient: QueryClient;
let requests: Request[];
let answer: (request: Request) => Response;

const api: WorkspaceApi = {
	id: WS,
	client: async () =>
		createClient(
			{ id: WS, url: 'http://127.0.0.1:4096', username: 'opencode', password: 'pw' },
			{
				fetch: async (request) => {
					requests.push(request);
					return answer(request);
				}
			}
		)
};

const json = (body: unknown) =>
	new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

function mutate<TData, TVariables>(
	options: MutationObserverOptions<TData, Error, TVariables, unknown>,
	variables: TVariables
) {
	return new MutationObserver(queryClient, options).mutate(variables);
}

const list = () => queryClient.getQueryData<Session[]>(keys.sessions.list(WS));

beforeEach(() => {
	queryClient = createQueryClient();
	requests = [];
	answer = () => json(true);
});

describe('session queries', () => {
	it('ask for root sessions only when told to, and for up to the limit', async () => {
		answer = () => json([session('ses_1')]);
		await queryClient.fetchQuery(sessionQueries.list(api, { roots: true }));
		await queryClient.fetchQuery(sessionQueries.list(api));
		expect(requests.map((r) => new URL(r.url).search)).toEqual([
			'?limit=1000&roots=true',
			'?limit=1000'
		]);
		expect(queryClient.getQueryData(keys.sessions.list(WS, { roots: true }))).toHaveLength(1);
	});

	it('turn an error answer into an OpencodeApiError', async () => {
		answer = () => new Response(null, { status: 401 });
		await expect(
			queryClient.fetchQuery(messagePageQueries.latest(api, 'ses_1'))
		).rejects.toMatchObject({
			name: 'OpencodeApiError',
			kind: 'unauthorized'
		});
	});
});

describe('session mutations', () => {
	beforeEach(() => queryClient.setQueryData(keys.sessions.list(WS), [session('ses_old')]));

	it('create puts the new session first in the list and seeds its detail', async () => {
		const created = session('ses_new', { time: { created: 9_000, updated: 9_000 } });
		answer = () => json(created);
		await mutate(sessionMutations.create(api), { title: 'New' });
		expect(await requests[0]!.json()).toEqual({ title: 'New' });
		expect(list()?.map((s) => s.id)).toEqual(['ses_new', 'ses_old']);
		expect(queryClient.getQueryData(keys.sessions.detail(WS, 'ses_new'))).toEqual(created);
	});

	it('rename writes the answer into the list', async () => {
		answer = () => json(session('ses_old', { title: 'Renamed' }));
		await mutate(sessionMutations.rename(api), { sessionId: 'ses_old', title: 'Renamed' });
		expect(requests[0]!.method).toBe('PATCH');
		expect(list()?.[0]?.title).toBe('Renamed');
	});

	it('remove takes the session out of the list', async () => {
		await mutate(sessionMutations.remove(api), { sessionId: 'ses_old' });
		expect(requests[0]!.method).toBe('DELETE');
		expect(list()).toEqual([]);
	});

	it('leave the cache alone when the server refuses', async () => {
		answer = () => new Response(null, { status: 500 });
		await expect(mutate(sessionMutations.remove(api), { sessionId: 'ses_old' })).rejects.toThrow();
		expect(list()).toHaveLength(1);
	});
});

describe('message mutations', () => {
	it('prompt sends the text to prompt_async', async () => {
		answer = () => new Response(null, { status: 204 });
		await mutate(promptMutations.send(api), { sessionId: 'ses_1', text: 'Hello' });
		expect(new URL(requests[0]!.url).pathname).toBe('/session/ses_1/prompt_async');
		expect(await requests[0]!.json()).toMatchObject({
			parts: [{ type: 'text', text: 'Hello' }]
		});
	});

	it('abort marks the session idle', async () => {
		queryClient.setQueryData(keys.sessions.statuses(WS), { ses_1: { type: 'busy' } });
		await mutate(promptMutations.abort(api), { sessionId: 'ses_1' });
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toEqual({});
	});
});

describe('permission mutations', () => {
	it('reply sends the answer and removes the request', async () => {
		queryClient.setQueryData(keys.permissions.list(WS), [
			permissionRequest('per_1', 'ses_1'),
			permissionRequest('per_2', 'ses_1')
		]);
		await mutate(permissionMutations.reply(api), { requestId: 'per_1', reply: 'always' });
		expect(new URL(requests[0]!.url).pathname).toBe('/permission/per_1/reply');
		expect(await requests[0]!.json()).toEqual({ reply: 'always' });
		expect(queryClient.getQueryData(keys.permissions.list(WS))).toEqual([
			permissionRequest('per_2', 'ses_1')
		]);
	});
});
