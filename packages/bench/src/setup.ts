import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from '@repo/opencode-harness';
import { serveApp } from '@repo/tooling/src/serve-app.ts';
import { recordSession, type Recording } from './record.ts';
import { startReplayServer, type ReplayServer } from './replay-server.ts';
import { syntheticSession, type SyntheticSession } from './synthetic.ts';

/** Everything the measurements run against. */
export type BenchEnv = {
	harness: Harness;
	recording: Recording;
	appUrl: string;
	/** Three replay servers; the first holds the big sessions. */
	replays: ReplayServer[];
	sessions: {
		/** 20 messages: first-render transfer and single-session streaming. */
		small: SyntheticSession;
		open200: SyntheticSession;
		open2000: SyntheticSession;
		/** 10 sessions spread 4/3/3 over the replay servers, each with its server index. */
		multi: { session: SyntheticSession; replay: number }[];
	};
	stop(): Promise<void>;
};

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

/**
 * Starts two real opencode servers (with passwords) on one fake model, records a session with a
 * tool call from the first, serves the built app, and starts three replay servers whose unknown
 * routes go to the first real server.
 */
export async function setUp(): Promise<BenchEnv> {
	let started = performance.now();
	const harness = await startHarness({
		servers: [
			{ password: 'bench-a', config: { permission: { bash: 'allow' } } },
			{ password: 'bench-b' }
		]
	});
	const stops: (() => Promise<unknown>)[] = [() => harness.stop()];
	const stop = async () => {
		for (const fn of stops.reverse()) await fn().catch(() => undefined);
	};
	try {
		log(`2 opencode servers healthy in ${Math.round(performance.now() - started)} ms`);
		started = performance.now();
		const upstream = harness.servers[0]!;
		const recording = await recordSession(upstream, harness.model);
		log(`recorded a session with a tool call in ${Math.round(performance.now() - started)} ms`);

		const app: Server = await serveApp({ port: 0, host: '127.0.0.1' });
		stops.push(() => new Promise((resolve) => app.close(resolve)));
		const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;

		const small = syntheticSession(recording, 20, 'Bench 20 messages');
		const open200 = syntheticSession(recording, 200, 'Bench 200 messages');
		const open2000 = syntheticSession(recording, 2000, 'Bench 2000 messages');
		const multi = Array.from({ length: 10 }, (_, i) => ({
			session: syntheticSession(recording, 20, `Bench stream ${i}`),
			replay: i < 4 ? 0 : i < 7 ? 1 : 2
		}));
		const replays: ReplayServer[] = [];
		for (let r = 0; r < 3; r++) {
			const own = multi.filter((m) => m.replay === r).map((m) => m.session);
			const sessions = r === 0 ? [small, open200, open2000, ...own] : own;
			const replay = await startReplayServer({
				recording,
				sessions,
				upstream: { url: upstream.url, headers: upstream.headers }
			});
			replays.push(replay);
			stops.push(() => replay.close());
		}
		return {
			harness,
			recording,
			appUrl,
			replays,
			sessions: { small, open200, open2000, multi },
			stop
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
