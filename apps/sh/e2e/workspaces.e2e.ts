import { expect, test } from '@playwright/test';
import { sharedHarness } from './support/shared-harness.ts';
import { addWorkspaceThroughWizard, workspaceRow } from './support/workspace-page.ts';

const { alpha, beta } = sharedHarness();

test('adds two workspaces through the wizard; both connect and show the server version', async ({
	page
}) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Alpha',
		url: alpha.url,
		username: alpha.username,
		password: alpha.password!,
		port: alpha.port
	});
	await addWorkspaceThroughWizard(page, {
		name: 'Beta',
		url: beta.url,
		username: beta.username,
		password: beta.password!,
		port: beta.port
	});
	for (const name of ['Alpha', 'Beta']) {
		const status = workspaceRow(page, name).getByTestId('workspace-status');
		await expect(status).toContainText('Connected');
		await expect(status).toContainText(/opencode 1\.\d+\.\d+/);
	}
	// The most recently added (= used) workspace comes first.
	await expect(page.getByTestId('workspace-name')).toHaveText(['Beta', 'Alpha']);
});

test('the wizard tells a wrong password apart from an unreachable server', async ({ page }) => {
	await page.goto('/workspaces/new');
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Username').fill(beta.username);
	await dialog.getByLabel('Password', { exact: true }).fill('not-the-password');
	await dialog.getByRole('button', { name: 'Next' }).click();
	await dialog.getByRole('button', { name: 'Next' }).click();
	await dialog.getByLabel('Server URL').fill(beta.url);
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	const result = dialog.getByTestId('connection-test-result');
	await expect(result).toContainText('Wrong username or password');
	await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

	await dialog.getByLabel('Server URL').fill('http://127.0.0.1:9');
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	await expect(result).toContainText("Can't reach it");
	await expect(result).toContainText('--cors');

	// "Save anyway" keeps the entry; its live status then says what is wrong.
	await dialog.getByLabel('Server URL').fill(beta.url);
	await dialog.getByLabel('Name').fill('Wrong password');
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	await expect(result).toContainText('Wrong username or password');
	await dialog.getByRole('button', { name: 'Save anyway' }).click();
	await expect(workspaceRow(page, 'Wrong password').getByTestId('workspace-status')).toContainText(
		'Wrong credentials'
	);
});

test('invalid input gets a clear message and nothing is saved', async ({ page }) => {
	await page.goto('/workspaces/new');
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Port').fill('70000');
	await dialog.getByRole('button', { name: 'Next' }).click();
	await expect(dialog.getByText('The port must be between 1 and 65535.')).toBeVisible();
	await dialog.getByLabel('Port').fill('4096');
	await dialog.getByRole('button', { name: 'Next' }).click();
	await dialog.getByRole('button', { name: 'Next' }).click();
	await dialog.getByLabel('Server URL').fill('ftp://example.com');
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	await expect(dialog.getByText('The URL must start with http:// or https://.')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
});

test('edit, delete and reload: everything persists', async ({ page }) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Beta',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	await addWorkspaceThroughWizard(page, {
		name: 'Alpha',
		url: alpha.url,
		username: alpha.username,
		password: alpha.password!
	});

	await workspaceRow(page, 'Beta').getByRole('button', { name: 'Edit Beta' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Name').fill('Beta renamed');
	// Editing re-tests on its own before Save is allowed.
	await expect(dialog.getByTestId('connection-test-result')).toContainText('Connected to opencode');
	await dialog.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(dialog).toBeHidden();
	await expect(workspaceRow(page, 'Beta renamed')).toBeVisible();

	await workspaceRow(page, 'Alpha').getByRole('button', { name: 'Delete Alpha' }).click();
	const confirm = page.getByRole('alertdialog');
	await expect(confirm).toContainText('only removes the entry from this browser');
	await confirm.getByRole('button', { name: 'Forget workspace' }).click();
	await expect(workspaceRow(page, 'Alpha')).toHaveCount(0);

	await page.reload();
	await expect(page.getByTestId('workspace-name')).toHaveText(['Beta renamed']);
	await expect(workspaceRow(page, 'Beta renamed').getByTestId('workspace-status')).toContainText(
		'Connected'
	);
});

test('a second tab shows a workspace added in the first without a reload', async ({
	page,
	context
}) => {
	const second = await context.newPage();
	await second.goto('/workspaces');
	await expect(second.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
	await addWorkspaceThroughWizard(page, {
		name: 'Shared',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	await expect(workspaceRow(second, 'Shared')).toBeVisible();
	await expect(workspaceRow(second, 'Shared').getByTestId('workspace-status')).toContainText(
		'Connected'
	);
});
