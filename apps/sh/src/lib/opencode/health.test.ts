import { describe, expect, it } from 'vitest';
import { checkHealth } from './health.ts';
import { jsonResponse, recordingFetch, testConnection } from '$test-support/fetch.ts';

describe('checkHealth', () => {
	it('reports health, version and latency', async () => {
		const { fetch, requests } = recordingFetch(() =>
			jsonResponse({ healthy: true, version: '1.18.33' })
		);
		const result = await checkHealth(testConnection(), { fetch });
		expect(result).toMatchObject({ ok: true, healthy: true, version: '1.18.33' });
		expect(result.ok && result.latencyMs).toBeGreaterThanOrEqual(0);
		expect(new URL(requests[0]!.url).pathname).toBe('/global/health');
	});

	it('retries once when the first attempt gets no answer', async () => {
		let attempts = 0;
		const { fetch } = recordingFetch(() => {
			attempts += 1;
			if (attempts === 1) throw new TypeError('fetch failed');
			return jsonResponse({ healthy: true, version: '1.18.33' });
		});
		expect(await checkHealth(testConnection(), { fetch })).toMatchObject({ ok: true });
		expect(attempts).toBe(2);
	});

	it('does not retry a wrong password', async () => {
		const { fetch, requests } = recordingFetch(() => new Response(null, { status: 401 }));
		const result = await checkHealth(testConnection(), { fetch });
		expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
		expect(requests).toHaveLength(1);
	});

	it('calls a JSON answer of another shape not opencode', async () => {
		const { fetch } = recordingFetch(() => jsonResponse({ status: 'ok' }));
		const result = await checkHealth(testConnection(), { fetch });
		expect(result).toMatchObject({ ok: false, error: { kind: 'not_opencode' } });
	});

	it('reports an invalid URL without sending anything', async () => {
		const { fetch, requests } = recordingFetch(() => jsonResponse({}));
		const result = await checkHealth(testConnection({ url: 'not a url' }), { fetch });
		expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
		expect(requests).toHaveLength(0);
	});
});
