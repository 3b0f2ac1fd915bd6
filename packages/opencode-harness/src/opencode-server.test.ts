import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeModel, type FakeModel } from './fake-model.ts';
import { startOpencodeServer, type OpencodeServer } from './opencode-server.ts';
import { stopAll } from './registry.ts';

let model: FakeModel;
let server: OpencodeServer;

beforeAll(async () => {
	model = await startFakeModel();
	server = await startOpencodeServer({ modelUrl: model.apiUrl });
});
afterAll(async () => {
	await stopAll();
	await model.close();
});

const health = async (url: string) => {
	const response = await fetch(`${url}/global/health`, { signal: AbortSignal.timeout(2_000) });
	return { status: response.status, body: await response.json() };
};

describe('startOpencodeServer', () => {
	it('starts a healthy server without auth when no password is given', async () => {
		expect(server.password).toBeUndefined();
		expect(server.headers).toEqual({});
		expect(await health(server.url)).toEqual({
			status: 200,
			body: { healthy: true, version: '1.18.33' }
		});
		expect(server.startupMs).toBeGreaterThan(0);
	});

	it('runs in a committed git project of its own', async () => {
		const log = execFileSync('git', ['log', '--oneline'], {
			cwd: server.projectDir,
			encoding: 'utf8'
		});
		expect(log.trim().split('\n')).toHaveLength(1);
		const path = await (await fetch(`${server.url}/path`)).json();
		expect(path.directory).toBe(server.projectDir);
	});

	it('restarts on the same port, healthy again, keeping its data', async () => {
		const created = await (
			await fetch(`${server.url}/session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			})
		).json();
		const oldPid = server.pid;
		await server.restart();
		expect(server.pid).not.toBe(oldPid);
		expect((await health(server.url)).status).toBe(200);
		const again = await fetch(`${server.url}/session/${created.id}`);
		expect(again.status).toBe(200);
	});

	it('stops: the port closes and the sandbox is removed', async () => {
		const second = await startOpencodeServer({ modelUrl: model.apiUrl, password: 'pw' });
		const unauthenticated = await fetch(`${second.url}/global/health`);
		expect(unauthenticated.status).toBe(401);
		await second.stop();
		await expect(health(second.url)).rejects.toThrow();
		expect(existsSync(second.projectDir)).toBe(false);
		await second.stop();
	});

	it('fails with the log tail when the executable dies at start', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'harness-bin-'));
		const fake = join(dir, 'opencode');
		writeFileSync(fake, '#!/bin/sh\necho "pretend start-up failure" >&2\nexit 3\n', {
			mode: 0o755
		});
		const previous = process.env.OPENCODE_BIN;
		process.env.OPENCODE_BIN = fake;
		try {
			await expect(startOpencodeServer({ modelUrl: model.apiUrl })).rejects.toThrow(
				/exited \(exit code 3\)[\s\S]*pretend start-up failure/
			);
		} finally {
			if (previous === undefined) delete process.env.OPENCODE_BIN;
			else process.env.OPENCODE_BIN = previous;
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
