import { spawn } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
	createSandbox,
	fakeModelConfig,
	opencodeExecutable,
	type Sandbox
} from '@repo/opencode-harness';

/**
 * Runs a command line a user would paste into a terminal, in a fresh project, with the pinned
 * opencode executable on PATH as `opencode` and every model call going to the fake model.
 */
export async function runPastedCommand(command: string, modelApiUrl: string) {
	const sandbox: Sandbox = await createSandbox();
	const bin = join(sandbox.root, 'bin');
	await mkdir(bin, { recursive: true });
	await symlink(opencodeExecutable(), join(bin, 'opencode'));
	const child = spawn('bash', ['-c', command], {
		cwd: sandbox.projectDir,
		detached: true,
		stdio: 'ignore',
		env: {
			PATH: `${bin}:${process.env.PATH}`,
			...sandbox.env,
			OPENCODE_CONFIG_CONTENT: JSON.stringify(fakeModelConfig(modelApiUrl)),
			OPENCODE_DISABLE_MODELS_FETCH: '1',
			OPENCODE_DISABLE_AUTOUPDATE: '1',
			OPENCODE_DISABLE_SHARE: '1',
			OPENCODE_DISABLE_LSP_DOWNLOAD: '1'
		}
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	return {
		async stop() {
			if (child.pid && child.exitCode === null) {
				process.kill(-child.pid, 'SIGTERM');
				await exited;
			}
			await sandbox.remove();
		}
	};
}
