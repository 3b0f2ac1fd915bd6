import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createSandbox, waitFor, type Sandbox } from '@repo/opencode-harness';
import { freePort } from '@repo/opencode-harness/fixtures';
import { workspaceRow } from './support/workspace-page.ts';

const REPO_ROOT = join(import.meta.dirname, '../../..');

async function isListening(port: number): Promise<boolean> {
	try {
		await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) });
		return true;
	} catch {
		return false;
	}
}

const pnpmStore = execFileSync('pnpm', ['store', 'path'], {
	cwd: REPO_ROOT,
	encoding: 'utf8'
}).trim();
let sandbox: Sandbox;
test.beforeAll(async () => {
	sandbox = await createSandbox();
});
test.afterAll(async () => {
	await sandbox?.remove();
});

test('`npm start` serves the app and a local opencode; the printed link and password connect', async ({
	page
}) => {
	test.setTimeout(240_000);
	const appPort = await freePort();
	const opencodePort = await freePort();
	const child = spawn(
		'npm',
		[
			'start',
			'--',
			'--port',
			String(appPort),
			'--opencode-port',
			String(opencodePort),
			'--dir',
			sandbox.projectDir
		],
		{
			cwd: REPO_ROOT,
			detached: true,
			env: {
				...process.env,
				// opencode gets a throw-away HOME; pnpm must keep the store it installed from.
				...sandbox.env,
				npm_config_store_dir: pnpmStore,
				// Its own build: rebuilding the copy the other specs are served from would swap the
				// app's hashed files under them.
				APP_BUILD_DIR: 'build-start-command',
				OPENCODE_DISABLE_MODELS_FETCH: '1'
			}
		}
	);
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	try {
		await waitFor(() => /Password:\s+(\S+)/.test(output) || child.exitCode !== null, {
			timeoutMs: 200_000,
			description: 'the start command to print a password'
		});
		const link = output.match(/Add it as a workspace:\s+(\S+)/)?.[1];
		const password = output.match(/Password:\s+(\S+)/)?.[1];
		expect(link, output).toBeTruthy();
		expect(password, output).toBeTruthy();
		expect(link).not.toContain(password!);
		expect(output).toContain(`Opencode SH is running at http://localhost:${appPort}`);

		await page.goto(link!);
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByLabel('Username')).toHaveValue('opencode');
		await expect(dialog.getByLabel('Port')).toHaveValue(String(opencodePort));
		await dialog.getByLabel('Password', { exact: true }).fill(password!);
		await dialog.getByRole('button', { name: 'Next' }).click();
		await dialog.getByRole('button', { name: 'Next' }).click();
		await expect(dialog.getByLabel('Server URL')).toHaveValue(`http://127.0.0.1:${opencodePort}`);
		await expect(dialog.getByLabel('Name')).toHaveValue('project');
		await dialog.getByRole('button', { name: 'Test connection' }).click();
		await expect(dialog.getByTestId('connection-test-result')).toContainText(
			'Connected to opencode'
		);
		await dialog.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(workspaceRow(page, 'project').getByTestId('workspace-status')).toContainText(
			'Connected'
		);
	} finally {
		// Ctrl-C, as a user would: the whole foreground process group gets SIGINT.
		if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
		await exited;
	}
	await waitFor(async () => !(await isListening(appPort)) && !(await isListening(opencodePort)), {
		timeoutMs: 15_000,
		description: 'the app and opencode to stop after Ctrl-C'
	});
});
