import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { opencodeExecutable } from './executable.ts';
import { freePort } from './free-port.ts';
import { waitUntilHealthy } from './health.ts';
import { LogBuffer } from './log-buffer.ts';
import { fakeModelConfig, type OpencodeConfig } from './opencode-config.ts';
import { register, unregister } from './registry.ts';
import { createSandbox } from './sandbox.ts';

/** Options of {@link startOpencodeServer}. */
export type OpencodeServerOptions = {
	/** The fake model's `apiUrl` (`http://127.0.0.1:PORT/v1`); every model call goes there. */
	modelUrl: string;
	/** Basic auth user name. @default 'opencode' */
	username?: string;
	/** Basic auth password; without one the server has no auth at all. */
	password?: string;
	/** Extra allowed browser origins (`--cors`), exact strings. */
	cors?: string[];
	/** Deep-merged over the fake-model config, e.g. `{ permission: { bash: 'ask' } }`. */
	config?: OpencodeConfig;
	/** @default a free port */
	port?: number;
	/** Extra environment variables for the server. */
	env?: Record<string, string>;
	/** How long to wait for `GET /global/health` to answer 200. @default 60_000 */
	healthTimeoutMs?: number;
	/** `--log-level` of the server's printed log. @default 'INFO' */
	logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
	/**
	 * Echo the server's log to stderr and print its start-up time.
	 * @default process.env.OPENCODE_HARNESS_DEBUG === '1'
	 */
	debug?: boolean;
};

/** A running `opencode serve` in its own sandbox. */
export type OpencodeServer = {
	/** `http://127.0.0.1:PORT` */
	url: string;
	port: number;
	username: string;
	/** `undefined` when the server runs without auth. */
	password: string | undefined;
	/** The git project the server was started in. */
	projectDir: string;
	/** `Authorization` header for this server's credentials (empty without auth). */
	headers: Record<string, string>;
	/** Process id of the current server process (changes on restart). */
	readonly pid: number;
	/** Milliseconds from spawn to the first healthy answer, for the latest (re)start. */
	readonly startupMs: number;
	/** SIGTERM (SIGKILL after 5 s), then removes the sandbox. Safe to call twice. */
	stop(): Promise<void>;
	/** Stops the process but keeps its port, sandbox and data, for a later `restart()`. */
	kill(): Promise<void>;
	/** Stops the process (if running) and starts a new one on the same port, sandbox and data. */
	restart(): Promise<void>;
	/** The last lines the server printed. */
	logTail(lines?: number): string;
};

type Running = { proc: ChildProcess; exited: Promise<string> };

const KILL_AFTER_MS = 5_000;

/**
 * Starts a real `opencode serve` on 127.0.0.1 with its own HOME, XDG dirs and git project,
 * configured to use the fake model, and waits until it is healthy.
 */
export async function startOpencodeServer(options: OpencodeServerOptions): Promise<OpencodeServer> {
	const {
		username = 'opencode',
		password,
		healthTimeoutMs = 60_000,
		debug = process.env.OPENCODE_HARNESS_DEBUG === '1'
	} = options;
	const sandbox = await createSandbox();
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const headers: Record<string, string> = password
		? { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` }
		: {};
	const args = ['serve', '--port', String(port), '--hostname', '127.0.0.1'];
	for (const origin of options.cors ?? []) args.push('--cors', origin);
	args.push('--print-logs', '--log-level', options.logLevel ?? 'INFO');
	const env = {
		...inheritedEnv(),
		...sandbox.env,
		OPENCODE_CONFIG_CONTENT: JSON.stringify(fakeModelConfig(options.modelUrl, options.config)),
		OPENCODE_DISABLE_MODELS_FETCH: '1',
		OPENCODE_DISABLE_AUTOUPDATE: '1',
		OPENCODE_DISABLE_SHARE: '1',
		OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
		...(password ? { OPENCODE_SERVER_USERNAME: username, OPENCODE_SERVER_PASSWORD: password } : {}),
		...options.env
	};
	const executable = opencodeExecutable();
	const logs = new LogBuffer(300, debug);
	let running: Running | undefined;
	let startupMs = 0;
	let stopping: Promise<void> | undefined;

	const launch = async () => {
		const started = performance.now();
		const proc = spawn(executable, args, {
			cwd: sandbox.projectDir,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			// Own process group: stop() can end the tools opencode spawned along with it.
			detached: true
		});
		const exited = new Promise<string>((resolve) => {
			proc.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`));
			proc.once('error', (error) => resolve(error.message));
		});
		// Neither the server nor its pipes keep the test process alive; the exit hook kills it.
		proc.unref();
		(proc.stdout as Socket | null)?.unref();
		(proc.stderr as Socket | null)?.unref();
		logs.follow(proc.stdout);
		logs.follow(proc.stderr);
		running = { proc, exited };
		logs.note(`spawned pid ${proc.pid}: opencode ${args.join(' ')}`);
		try {
			await waitUntilHealthy(url, headers, exited, healthTimeoutMs);
		} catch (error) {
			await halt();
			throw new Error(`opencode on ${url}: ${(error as Error).message}\n${logs.tail()}`, {
				cause: error
			});
		}
		startupMs = Math.round(performance.now() - started);
		logs.note(`healthy after ${startupMs} ms`);
		if (debug) process.stderr.write(`[opencode-harness] ${url} healthy after ${startupMs} ms\n`);
	};

	const halt = async () => {
		const current = running;
		running = undefined;
		if (!current?.proc.pid) return;
		const { pid } = current.proc;
		if (current.proc.exitCode === null && current.proc.signalCode === null) {
			killGroup(pid, 'SIGTERM');
			const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_AFTER_MS);
			await current.exited;
			clearTimeout(timer);
		}
		// Whatever opencode left running in its group (a bash tool, an installer) goes too.
		killGroup(pid, 'SIGKILL');
	};

	const stop = () => {
		stopping ??= (async () => {
			await halt();
			unregister(entry);
			await sandbox.remove();
		})();
		return stopping;
	};

	const entry = {
		pids: () => (running?.proc.pid ? [running.proc.pid] : []),
		dirs: () => [sandbox.root],
		stop
	};
	register(entry);
	try {
		await launch();
	} catch (error) {
		await stop();
		throw error;
	}

	return {
		url,
		port,
		username,
		password,
		projectDir: sandbox.projectDir,
		headers,
		get pid() {
			return running?.proc.pid ?? -1;
		},
		get startupMs() {
			return startupMs;
		},
		stop,
		kill: halt,
		restart: async () => {
			if (stopping) throw new Error(`opencode on ${url} was stopped; it cannot restart`);
			await halt();
			await launch();
		},
		logTail: (lines) => logs.tail(lines)
	};
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is gone already.
	}
}

/** This process's environment minus opencode's own switches, so none leaks into a test server. */
function inheritedEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !key.startsWith('OPENCODE_')) env[key] = value;
	}
	return env;
}
