import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fakeModelControl } from '@repo/opencode-harness';
import {
	chatActivity,
	chatMessages,
	createSessionOnServer,
	openSessionsPage,
	seedWorkspaces,
	sendPrompt,
	sessionRow,
	warmUp,
	workspaceFor
} from './support/session-page.ts';
import { freePort } from '@repo/opencode-harness/fixtures';
import { sharedHarness } from './support/shared-harness.ts';
import { workspaceRow } from './support/workspace-page.ts';

const { info, alpha } = sharedHarness();
const model = fakeModelControl(info.model.url);
const workspace = workspaceFor(alpha, 'Alpha');

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

test.afterEach(async () => {
	await model.reset();
});

/**
 * Turns transitions and animations off, so colours are final at once: axe would otherwise
 * measure contrast mid-way through a button's colour change (when the scheme changes) or a
 * dialog's fade-in.
 */
async function withoutMotion(page: Page) {
	await page.addStyleTag({
		content: '*, *::before, *::after { transition: none !important; animation: none !important; }'
	});
}

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing
 * each rule with the elements it flagged. Colours are checked in the dark scheme as well.
 */
async function expectAccessible(page: Page, what: string) {
	const severe = (violations: AxeResults['violations'], scheme: string) =>
		violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map(
				(v) =>
					`${v.id} (${v.impact}, ${scheme}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`
			);
	await withoutMotion(page);
	const light = await new AxeBuilder({ page }).analyze();
	await page.emulateMedia({ colorScheme: 'dark' });
	try {
		const dark = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
		expect(
			[...severe(light.violations, 'light'), ...severe(dark.violations, 'dark')],
			`axe on ${what}`
		).toEqual([]);
	} finally {
		await page.emulateMedia({ colorScheme: 'light' });
	}
}

test('workspaces: empty state, the add wizard step by step, and the shortcut help', async ({
	page
}) => {
	await page.goto('/workspaces');
	await expect(page.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
	// Control: the check fails on violations (a button without a name; text unreadable in the
	// dark scheme only), and names them.
	await page.evaluate(() => {
		const probe = document.createElement('div');
		probe.id = 'axe-probe';
		probe.innerHTML =
			'<button></button><p>Faint</p>' +
			'<style>@media (prefers-color-scheme: dark) { #axe-probe p { color: #333 } }</style>';
		document.querySelector('main')?.append(probe);
	});
	const failure = await expectAccessible(page, 'a probe').then(
		() => 'no failure',
		(error: Error) => error.message
	);
	expect(failure).toContain('button-name (critical, light)');
	expect(failure).toContain('color-contrast (serious, dark)');
	await page.evaluate(() => document.getElementById('axe-probe')?.remove());
	await expectAccessible(page, 'the empty workspaces page');

	await page.keyboard.press('?');
	const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(help).toBeVisible();
	await expectAccessible(page, 'the keyboard shortcuts dialog');
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();

	await page.getByRole('link', { name: 'Add workspace' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add workspace' });
	await expect(dialog.getByLabel('Username')).toBeVisible();
	await expectAccessible(page, 'wizard step 1 (credentials)');

	await dialog.getByLabel('Username').fill(alpha.username);
	await dialog.getByLabel('Password', { exact: true }).fill(alpha.password!);
	// Nothing listens there: step 3's prefilled URL fails its test.
	await dialog.getByLabel('Port').fill(String(await freePort()));
	await dialog.getByRole('button', { name: 'Next' }).click();
	await expect(dialog.getByTestId('serve-command')).toBeVisible();
	await expectAccessible(page, 'wizard step 2 (setup, tunnel)');
	await dialog.getByLabel('This machine, no tunnel').check();
	await expect(dialog.getByTestId('tunnel-command')).toHaveCount(0);
	await expectAccessible(page, 'wizard step 2 (setup, no tunnel)');

	await dialog.getByRole('button', { name: 'Next' }).click();
	await expect(dialog.getByLabel('Server URL')).toBeVisible();
	await expectAccessible(page, 'wizard step 3 (connect)');
	// Its errors and test results are part of the step too.
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	await expect(dialog.getByTestId('connection-test-result')).toContainText("Can't reach it");
	await expectAccessible(page, 'wizard step 3 with a failed test');
	await dialog.getByLabel('Server URL').fill('');
	await dialog.getByLabel('Name').fill('');
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	await expect(dialog.getByText(/^Enter a full URL/)).toBeVisible();
	await expectAccessible(page, 'wizard step 3 with field errors');
	await dialog.getByLabel('Server URL').fill(alpha.url);
	await dialog.getByLabel('Name').fill('Alpha');
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	await expect(dialog.getByTestId('connection-test-result')).toContainText('Connected to opencode');
	await expectAccessible(page, 'wizard step 3 with a passed test');
});

test('workspaces with one workspace: the table, edit, delete, import and export', async ({
	page
}) => {
	await seedWorkspaces(page, [workspace]);
	await page.goto('/workspaces');
	const row = workspaceRow(page, 'Alpha');
	await expect(row.getByTestId('workspace-status')).toContainText('Connected');
	await expectAccessible(page, 'the workspaces table');

	await row.getByRole('button', { name: 'Edit Alpha' }).click();
	const edit = page.getByRole('dialog', { name: 'Edit Alpha' });
	await expect(edit.getByTestId('connection-test-result')).toContainText('Connected to opencode');
	await expectAccessible(page, 'the edit dialog');
	await edit.getByRole('button', { name: 'Close' }).click();
	await expect(edit).toBeHidden();

	await row.getByRole('button', { name: 'Delete Alpha' }).click();
	const confirm = page.getByRole('alertdialog');
	await expect(confirm).toContainText('Forget “Alpha”?');
	await expectAccessible(page, 'the delete confirmation');
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	await expect(confirm).toBeHidden();

	await page.getByRole('button', { name: 'Import' }).click();
	const importing = page.getByRole('dialog', { name: 'Import workspaces' });
	await expect(importing.getByLabel('Export file')).toBeVisible();
	await expectAccessible(page, 'the import dialog');
	await importing.getByRole('button', { name: 'Cancel' }).click();
	await expect(importing).toBeHidden();

	await page.getByRole('button', { name: 'Export' }).click();
	const exporting = page.getByRole('dialog', { name: 'Export workspaces' });
	await exporting.getByLabel('Include passwords, encrypted with a passphrase').check();
	await expect(exporting.getByLabel('Passphrase again')).toBeVisible();
	await expectAccessible(page, 'the export dialog');
});

test('sessions page, new-session dialog and a chat with a reply', async ({ page }) => {
	await warmUp(alpha);
	await seedWorkspaces(page, [workspace]);
	const title = `Accessible ${Date.now()}`;
	const sessionId = await createSessionOnServer(alpha, title);

	await openSessionsPage(page);
	await expect(sessionRow(page, title)).toBeVisible();
	await expectAccessible(page, 'the sessions page');

	await page.getByRole('button', { name: 'New session' }).click();
	const dialog = page.getByRole('dialog', { name: 'New session' });
	await expect(dialog.getByLabel('Model')).toHaveValue('fake/fake-model');
	await expectAccessible(page, 'the new-session dialog');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();

	await model.setReply(
		'A reply with **bold**, a [link](https://example.com), a list:\n\n- one\n- two\n\n' +
			'```ts\nconst a = 1;\n```\n\n| Name | Value |\n|---|---|\n| a | 1 |'
	);
	await page.goto(`/w/${workspace.id}/s/${sessionId}`);
	await expect(page.getByTestId('chat-workspace')).toContainText('Connected');
	await sendPrompt(page, 'Say something with markdown');
	await expect(chatMessages(page, 'assistant').last()).toContainText('A reply with bold');
	await expect(chatMessages(page, 'assistant').last().getByRole('table')).toBeVisible();
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
	await expectAccessible(page, 'the chat with a reply');

	await page.getByRole('button', { name: 'Change model and agent' }).click();
	const choosing = page.getByRole('dialog', { name: 'Model and agent' });
	await expect(choosing.getByLabel('Model')).toHaveValue('fake/fake-model');
	await expectAccessible(page, 'the model and agent dialog');
});
