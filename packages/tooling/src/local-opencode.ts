import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { opencodeExecutable } from '@repo/opencode-harness';

export type LocalOpencode = {
	url: string;
	port: number;
	username: string;
	password: string;
	process: ChildProcess;
	stop(): Promise<void>;
};

/** A strong password of URL- and shell-safe characters. */
export function generatePassword(): string {
	return randomBytes(18).toString('base64url');
}

/**
 * Starts the pinned opencode as the user's own server for `dir` (their HOME and config), on
 * 127.0.0.1 with Basic auth, and waits until it answers.
 */
export async function startLocalOpencode(options: {
	dir: string;
	port: number;
	cors?: string;
	env?: NodeJS.ProcessEnv;
}): Promise<LocalOpencode> {
	const username = 'opencode';
	const password = generatePassword();
	const url = `http://127.0.0.1:${options.port}`;
	const args = ['serve', '--port', String(options.port), '--hostname', '127.0.0.1'];
	if (options.cors) args.push('--cors', options.cors);
	const child = spawn(opencodeExecutable(), args, {
		cwd: options.dir,
		stdio: ['ignore', 'ignore', 'pipe'],
		env: {
			...(options.env ?? process.env),
			OPENCODE_SERVER_USERNAME: username,
			OPENCODE_SERVER_PASSWORD: password
		}
	});
	let log = '';
	child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
	};
	const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		try {
			const response = await fetch(`${url}/global/health`, {
				headers: { authorization },
				// A server that is starting can hold a connection without answering.
				signal: AbortSignal.timeout(1_500)
			});
			if (response.ok) return { url, port: options.port, username, password, process: child, stop };
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	await stop();
	throw new Error(`opencode did not become healthy on ${url}.\n${log}`);
}
