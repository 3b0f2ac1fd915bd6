import { describe, expect, it } from 'vitest';
import { call } from './call.ts';
import { createClient } from './client.ts';
import { ForeignOriginError } from './guard.ts';
import { hangingFetch, jsonResponse, recordingFetch, testConnection } from '$test-support/fetch.ts';

const okFetch = () => recordingFetch(() => jsonResponse([]));

describe('createClient', () => {
	it('sends requests to the workspace URL, without its trailing slash, with Basic auth', async () => {
		const { fetch, requests } = okFetch();
		const client = createClient(testConnection({ url: 'http://127.0.0.1:4096/' }), { fetch });
		const result = await call(client.GET('/session'));
		expect(result).toEqual({ ok: true, data: [] });
		expect(requests).toHaveLength(1);
		expect(requests[0]!.url).toBe('http://127.0.0.1:4096/session');
		expect(requests[0]!.headers.get('authorization')).toBe('Basic b3BlbmNvZGU6c2VjcmV0');
		expect(requests[0]!.credentials).not.toBe('include');
		expect(requests[0]!.redirect).toBe('error');
	});

	it('keeps a path prefix of the workspace URL', async () => {
		const { fetch, requests } = okFetch();
		const client = createClient(testConnection({ url: 'https://host.example/opencode//' }), {
			fetch
		});
		await client.GET('/session');
		expect(requests[0]!.url).toBe('https://host.example/opencode/session');
	});

	it('refuses a per-call baseUrl on another origin, before any fetch', async () => {
		const { fetch, requests } = okFetch();
		const client = createClient(testConnection(), { fetch });
		await expect(client.GET('/session', { baseUrl: 'https://evil.example' })).rejects.toThrow(
			ForeignOriginError
		);
		expect(requests).toHaveLength(0);
	});

	it('refuses a path crafted to change the host', async () => {
		const { fetch, requests } = okFetch();
		const client = createClient(testConnection(), { fetch });
		const sneaky = '@evil.example/session' as '/session';
		await expect(client.GET(sneaky)).rejects.toThrow(/evil\.example/);
		expect(requests).toHaveLength(0);
	});

	it('refuses the same host on another port or scheme', async () => {
		const { fetch, requests } = okFetch();
		const client = createClient(testConnection(), { fetch });
		for (const baseUrl of ['http://127.0.0.1:4097', 'https://127.0.0.1:4096']) {
			await expect(client.GET('/session', { baseUrl })).rejects.toThrow(ForeignOriginError);
		}
		expect(requests).toHaveLength(0);
	});

	it.each([
		['https://abc123.ngrok-free.app', true],
		['https://abc.ngrok.app', true],
		['https://abc.ngrok.io', true],
		['https://abc.ngrok-free.dev', true],
		['https://abc.ngrok.dev', true],
		['http://127.0.0.1:4096', false],
		['https://notngrok.io', false],
		['https://ngrok.io.evil.example', false]
	])('asks %s to skip the ngrok warning page: %s', async (url, expected) => {
		const { fetch, requests } = okFetch();
		await createClient(testConnection({ url }), { fetch }).GET('/session');
		expect(requests[0]!.headers.has('ngrok-skip-browser-warning')).toBe(expected);
	});

	it('gives up after the timeout and reports the server unreachable', async () => {
		const { fetch } = hangingFetch();
		const client = createClient(testConnection(), { fetch, timeoutMs: 50 });
		const result = await call(client.GET('/session'));
		expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
		expect(!result.ok && result.error.description).toMatch(/in time/);
	});

	it("honours the caller's own abort signal", async () => {
		const { fetch } = hangingFetch();
		const client = createClient(testConnection(), { fetch });
		const controller = new AbortController();
		const pending = call(client.GET('/session', { signal: controller.signal }));
		controller.abort();
		const result = await pending;
		expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
		expect(!result.ok && result.error.description).toMatch(/cancelled/);
	});
});
