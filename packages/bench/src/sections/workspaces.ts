import { workspaceEntryFor } from '@repo/opencode-harness/fixtures';
import { measureWorkspaces } from '../measure-workspaces.ts';
import type { BenchEnv } from '../setup.ts';
import { closedPort, startSlowHealthServer } from '../slow-health-server.ts';
import { medianOf, repeat } from '../stats.ts';
import type { Ctx, Row, Section } from './types.ts';

/** 2. The workspaces table with 20 workspaces: 2 real servers, 8 slow look-alikes, 10 closed ports. */
export async function workspacesSection({ env, browser, runs, log }: Ctx): Promise<Section> {
	const delays = [500, 1_000, 1_500, 2_000, 2_500, 3_500, 5_000, 8_000];
	const slow = await Promise.all(
		delays.map((d) => startSlowHealthServer(d, env.recording.version))
	);
	try {
		const real = env.harness.servers.map((s, i) => workspaceEntryFor(s, `Real ${'AB'[i]}`));
		const slowWs = slow.map((s) => workspaceEntryFor(s, `Slow ${s.delayMs} ms`));
		const closed = [];
		for (let i = 0; i < 10; i++) {
			const port = await closedPort();
			closed.push(workspaceEntryFor({ url: `http://127.0.0.1:${port}`, port }, `Closed ${i}`));
		}
		const list = [...real, ...slowWs, ...closed];
		log('workspaces: 20 workspaces');
		const serverSide: Record<string, number>[] = [];
		const results = await repeat(runs, async () => {
			// The same check from Node, at the same moment: tells a slow server from a slow app.
			const direct = healthLatencies(env.harness.servers);
			const names = real.map((w) => w.name);
			const result = await measureWorkspaces(browser, env.appUrl, list, names);
			serverSide.push(await direct);
			return result;
		});
		const m = medianOf(results);
		const row = (label: string, ours: number, unit = 'ms'): Row => ({
			label,
			unit,
			ours,
			theirs: null
		});
		return {
			id: 'workspaces',
			title: '2. Workspaces page, 20 workspaces (ms from navigation start)',
			notes: [
				`2 real opencode servers, 8 look-alikes delaying /global/health by ${delays.join(', ')} ms, 10 closed ports.`,
				'Look-alikes slower than the app\'s 5 s health-check timeout (live/monitor.ts, no retry) end "unreachable".',
				'Theirs: n/a (the embedded UI talks to the one server that serves it).',
				`GET /global/health from Node during each run, ms: ${serverSide.map((r) => JSON.stringify(r)).join(' ')}.`,
				`When each row left "connecting", ms (first run): ${Object.entries(results[0]!.perRow)
					.map(([name, r]) => `${name.replace(/ http.*/, '')} ${r.ms} ${r.state}`)
					.join(', ')}.`
			],
			rows: [
				row('table rendered', m.tableMs),
				row('first connected', m.firstConnectedMs),
				row('both real servers connected', m.fastConnectedMs),
				row('all statuses resolved', m.allResolvedMs),
				row('connected at the end', m.connected, ''),
				row('unreachable at the end', m.unreachable, '')
			],
			runs: results
		};
	} finally {
		await Promise.all(slow.map((s) => s.close()));
	}
}

async function healthLatencies(
	servers: BenchEnv['harness']['servers']
): Promise<Record<string, number>> {
	const entries = await Promise.all(
		servers.map(async (server, i) => {
			const started = performance.now();
			const response = await fetch(`${server.url}/global/health`, { headers: server.headers });
			await response.body?.cancel();
			return [`Real ${'AB'[i]}`, Math.round(performance.now() - started)] as const;
		})
	);
	return Object.fromEntries(entries);
}
