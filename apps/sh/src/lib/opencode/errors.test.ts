import { describe, expect, it } from 'vitest';
import { call, unwrap } from './call.ts';
import { createClient } from './client.ts';
import { OpencodeApiError } from './errors.ts';
import { jsonResponse, recordingFetch, testConnection } from '$test-support/fetch.ts';

function clientAnswering(respond: () => Response | Promise<Response>) {
	return createClient(testConnection(), { fetch: recordingFetch(respond).fetch });
}

const html = (status: number) =>
	new Response('<!doctype html><html><body>Tunnel page</body></html>', {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});

describe('error mapping', () => {
	it.each([
		{
			answer: '401 with an empty body',
			kind: 'unauthorized',
			status: 401,
			respond: () => new Response(null, { status: 401 })
		},
		{
			answer: "404 with opencode's NotFoundError",
			kind: 'not_found',
			status: 404,
			respond: () =>
				jsonResponse({ name: 'NotFoundError', data: { message: 'Session not found: s1' } }, 404)
		},
		{
			answer: '404 with a tagged opencode error',
			kind: 'not_found',
			status: 404,
			respond: () =>
				jsonResponse({ _tag: 'SessionNotFoundError', sessionID: 's1', message: 'Gone' }, 404)
		},
		{
			answer: '404 from something else',
			kind: 'not_opencode',
			status: 404,
			respond: () => new Response('404 page not found', { status: 404 })
		},
		{ answer: '200 HTML page', kind: 'not_opencode', status: undefined, respond: () => html(200) },
		{
			answer: '502 HTML page of a tunnel',
			kind: 'not_opencode',
			status: 502,
			respond: () => html(502)
		},
		{
			answer: '200 with broken JSON',
			kind: 'not_opencode',
			status: undefined,
			respond: () => new Response('{"id": tr', { headers: { 'content-type': 'application/json' } })
		},
		{
			answer: '400 with a message',
			kind: 'bad_request',
			status: 400,
			respond: () =>
				jsonResponse({ name: 'BadRequest', data: { message: 'Expected an integer' } }, 400)
		},
		{
			answer: '409 session busy',
			kind: 'bad_request',
			status: 409,
			respond: () =>
				jsonResponse({ _tag: 'SessionBusyError', sessionID: 's1', message: 'Busy' }, 409)
		},
		{
			answer: '500 with a message',
			kind: 'server_error',
			status: 500,
			respond: () => jsonResponse({ name: 'UnknownError', data: { message: 'disk full' } }, 500)
		},
		{
			answer: '503 without a message',
			kind: 'server_error',
			status: 503,
			respond: () => jsonResponse({ _tag: 'InternalServerError' }, 503)
		}
	])('maps $answer to $kind', async ({ respond, kind, status }) => {
		const result = await call(clientAnswering(respond).GET('/session'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.kind).toBe(kind);
		expect(result.error.status).toBe(status);
		expect(result.error.title).not.toBe('');
		expect(result.error.description).not.toBe('');
	});

	it("passes the server's message on", async () => {
		const respond = () =>
			jsonResponse({ name: 'UnknownError', data: { message: 'disk full' } }, 500);
		const result = await call(clientAnswering(respond).GET('/session'));
		expect(result).toMatchObject({ ok: false, error: { description: 'disk full' } });
	});

	it('maps a network failure (fetch throws TypeError) to unreachable', async () => {
		const result = await call(
			clientAnswering(() => Promise.reject(new TypeError('Failed to fetch'))).GET('/session')
		);
		expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
		expect(result.ok || result.error.status).toBeUndefined();
	});

	it('rethrows exceptions that are bugs, not server trouble', async () => {
		const client = clientAnswering(() => Promise.reject(new RangeError('a bug')));
		await expect(call(client.GET('/session'))).rejects.toThrow(RangeError);
	});

	it('unwrap returns the data or throws OpencodeApiError carrying the error', async () => {
		const ok = clientAnswering(() => jsonResponse([{ id: 's1' }]));
		expect(await unwrap(ok.GET('/session'))).toEqual([{ id: 's1' }]);

		const denied = clientAnswering(() => new Response(null, { status: 401 }));
		const thrown = await unwrap(denied.GET('/session')).catch((e: unknown) => e);
		expect(thrown).toBeInstanceOf(OpencodeApiError);
		expect((thrown as OpencodeApiError).kind).toBe('unauthorized');
		expect((thrown as OpencodeApiError).error.status).toBe(401);
	});
});
