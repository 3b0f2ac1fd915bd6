import { startFakeModel, type FakeModel, type FakeModelOptions } from './fake-model.ts';
import type { HarnessInfo } from './harness-info.ts';
import {
	startOpencodeServer,
	type OpencodeServer,
	type OpencodeServerOptions
} from './opencode-server.ts';

/** Options of {@link startHarness}. */
export type HarnessOptions = {
	/** One entry per opencode server; all of them use the same fake model. */
	servers: Omit<OpencodeServerOptions, 'modelUrl'>[];
	model?: FakeModelOptions;
};

/** A fake model and the opencode servers wired to it. */
export type Harness = {
	model: FakeModel;
	servers: OpencodeServer[];
	/** A JSON-safe description, for processes that did not start the harness. */
	info(): HarnessInfo;
	/** Stops every server and the fake model. */
	stop(): Promise<void>;
};

/** Starts one fake model and the requested opencode servers in parallel. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
	const model = await startFakeModel(options.model);
	const starts = options.servers.map((server) =>
		startOpencodeServer({ ...server, modelUrl: model.apiUrl })
	);
	const results = await Promise.allSettled(starts);
	const servers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
	const stop = async () => {
		await Promise.allSettled(servers.map((server) => server.stop()));
		await model.close();
	};
	const failure = results.find((r) => r.status === 'rejected');
	if (failure) {
		await stop();
		throw failure.reason;
	}
	return {
		model,
		servers,
		info: () => ({
			model: { url: model.url, apiUrl: model.apiUrl },
			servers: servers.map(({ url, port, username, password, projectDir, pid }) => ({
				url,
				port,
				username,
				password: password ?? null,
				projectDir,
				pid
			}))
		}),
		stop
	};
}
