import { expect, test } from '@playwright/test';
import { freePort } from '@repo/opencode-harness/fixtures';
import { runPastedCommand } from './support/run-shell-command.ts';
import { sharedHarness } from './support/shared-harness.ts';
import { workspaceRow } from './support/workspace-page.ts';

const { info } = sharedHarness();

test('the command the wizard shows, run as copied, starts a server the wizard connects to', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const port = await freePort();
	const password = `it's "quoted" $HOME \\ ünïcode ✓ !`;

	await page.goto('/workspaces/new');
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Username').fill('me');
	await dialog.getByLabel('Password', { exact: true }).fill(password);
	await dialog.getByLabel('Port').fill(String(port));
	await dialog.getByRole('button', { name: 'Next' }).click();
	await dialog.getByLabel('This machine, no tunnel').check();

	await dialog.getByRole('button', { name: /^Copy: 1\. / }).click();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(await dialog.getByTestId('serve-command').textContent());
	expect(copied).toContain(`--port ${port}`);

	const server = await runPastedCommand(copied, info.model.apiUrl);
	try {
		await dialog.getByRole('button', { name: 'Next' }).click();
		await expect(dialog.getByLabel('Server URL')).toHaveValue(`http://localhost:${port}`);
		await dialog.getByLabel('Name').fill('From the command');
		// The server needs a few seconds to start; the user presses Test until it answers.
		await expect(async () => {
			await dialog.getByRole('button', { name: 'Test connection' }).click();
			await expect(dialog.getByTestId('connection-test-result')).toContainText(
				'Connected to opencode',
				{ timeout: 5_000 }
			);
		}).toPass({ timeout: 60_000 });
		await dialog.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(
			workspaceRow(page, 'From the command').getByTestId('workspace-status')
		).toContainText('Connected');
	} finally {
		await server.stop();
	}
});

test('the ngrok and cloudflared commands use opencode auth and no tunnel auth', async ({
	page
}) => {
	await page.goto('/workspaces/new');
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Port').fill('52341');
	await dialog.getByLabel('Password', { exact: true }).fill('pw');
	await dialog.getByRole('button', { name: 'Next' }).click();
	await expect(dialog.getByTestId('serve-command')).toHaveText(
		'OPENCODE_SERVER_USERNAME=opencode OPENCODE_SERVER_PASSWORD=pw opencode serve --port 52341'
	);
	await expect(dialog.getByTestId('tunnel-command')).toHaveText('ngrok http 52341');
	await dialog.getByLabel('Cloudflare Tunnel').check();
	await expect(dialog.getByTestId('tunnel-command')).toHaveText(
		'cloudflared tunnel --url http://localhost:52341'
	);
});
