import { createServer } from 'node:net';
import { startHarness, type Harness, type OpencodeServer } from '@repo/opencode-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './call.ts';
import { createClient } from './client.ts';
import type { WorkspaceConnection } from './connection.ts';
import { checkHealth } from './health.ts';

let harness: Harness;
let a: OpencodeServer;
let b: OpencodeServer;

beforeAll(async () => {
	harness = await startHarness({
		servers: [
			{ username: 'alice', password: 'alpha-secret' },
			{ username: 'bob', password: 'pä ss"wörd$!' }
		]
	});
	[a, b] = harness.servers as [OpencodeServer, OpencodeServer];
});
afterAll(() => harness?.stop());

function connectionTo(server: OpencodeServer, id = server.url): WorkspaceConnection {
	return { id, url: server.url, username: server.username, password: server.password ?? '' };
}

/** A port nothing listens on: the OS hands one out, and it is closed again at once. */
function closedPort(): Promise<number> {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

describe('health', () => {
	it('reports the pinned version and the latency', async () => {
		const result = await checkHealth(connectionTo(a));
		expect(result).toMatchObject({ ok: true, healthy: true, version: '1.18.33' });
		expect(result.ok && result.latencyMs).toBeGreaterThanOrEqual(0);
	});

	it('authenticates with a non-ASCII password', async () => {
		expect(await checkHealth(connectionTo(b))).toMatchObject({ ok: true, healthy: true });
	});

	it('calls a wrong password unauthorized', async () => {
		const result = await checkHealth({ ...connectionTo(a), password: 'wrong' });
		expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
	});

	it('calls a closed port unreachable', async () => {
		const url = `http://127.0.0.1:${await closedPort()}`;
		const result = await checkHealth({ ...connectionTo(a), url });
		expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
		expect(result.ok || result.error.status).toBeUndefined();
	});

	it('calls the fake model, an HTTP server that is not opencode, not_opencode', async () => {
		const result = await checkHealth({ ...connectionTo(a), url: harness.model.url });
		expect(result).toMatchObject({ ok: false, error: { kind: 'not_opencode', status: 404 } });
	});
});

describe('answers that are not the API', () => {
	it('calls the web UI page served for unknown paths not_opencode', async () => {
		const client = createClient(connectionTo(a));
		const result = await call(client.GET('/no-such-route' as '/session'));
		expect(result).toMatchObject({ ok: false, error: { kind: 'not_opencode' } });
	});

	it("maps a rejected query to bad_request with the server's message", async () => {
		const client = createClient(connectionTo(a));
		const result = await call(
			client.GET('/session/{sessionID}/message', {
				params: { path: { sessionID: 'ses_x' }, query: { limit: 'abc' as unknown as number } }
			})
		);
		expect(result).toMatchObject({ ok: false, error: { kind: 'bad_request', status: 400 } });
		expect(!result.ok && result.error.description).toMatch(/integer/);
	});
});

describe('two servers with different credentials', () => {
	it("refuses A's credentials on B", async () => {
		const result = await checkHealth({ ...connectionTo(a), url: b.url });
		expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
	});

	it('keeps their sessions apart', async () => {
		const onA = createClient(connectionTo(a));
		const onB = createClient(connectionTo(b));
		const created = await call(onA.POST('/session', { body: { title: 'Only on A' } }));
		expect(created.ok).toBe(true);
		const id = created.ok ? created.data.id : '';

		const listA = await call(onA.GET('/session'));
		const listB = await call(onB.GET('/session'));
		expect(listA.ok && listA.data.map((s) => s.id)).toContain(id);
		expect(listB.ok && listB.data.map((s) => s.id)).not.toContain(id);
		expect(
			await call(onB.GET('/session/{sessionID}', { params: { path: { sessionID: id } } }))
		).toMatchObject({ ok: false, error: { kind: 'not_found' } });
	});
});
