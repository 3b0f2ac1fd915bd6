import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { WORKSPACES_STORAGE_KEY } from '@repo/opencode-harness/fixtures';
import { sharedHarness } from './support/shared-harness.ts';
import { addWorkspaceThroughWizard, workspaceRow } from './support/workspace-page.ts';

const { alpha, beta } = sharedHarness();

async function exportFile(page: Page, passphrase?: string): Promise<string> {
	await page.getByRole('button', { name: 'Export' }).click();
	const dialog = page.getByRole('dialog');
	if (passphrase) {
		await dialog.getByLabel('Include passwords').check();
		await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
		await dialog.getByLabel('Passphrase again').fill(passphrase);
	}
	const download = page.waitForEvent('download');
	await dialog.getByRole('button', { name: 'Download' }).click();
	return readFile(await (await download).path(), 'utf8');
}

async function chooseImportFile(page: Page, text: string) {
	await page.getByRole('button', { name: 'Import' }).click();
	await page
		.getByRole('dialog')
		.getByLabel('Export file')
		.setInputFiles({
			name: 'workspaces.json',
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
}

test('export with encrypted passwords, import in a fresh browser, and connect', async ({
	page,
	browser
}) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Alpha',
		url: alpha.url,
		username: alpha.username,
		password: alpha.password!
	});
	const text = await exportFile(page, 'a long passphrase');
	expect(text).not.toContain(alpha.password!);
	expect(JSON.parse(text)).toMatchObject({ format: 'opencode-sh.workspaces', version: 1 });

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/workspaces');
	await addWorkspaceThroughWizard(other, {
		name: 'Beta here',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	await chooseImportFile(other, text);
	const dialog = other.getByRole('dialog');
	await expect(dialog.getByTestId('import-preview')).toContainText('New');
	await dialog.getByLabel('Passphrase the passwords were encrypted with').fill('wrong one');
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(dialog.getByRole('alert')).toContainText('Wrong passphrase');
	await dialog.getByLabel('Passphrase the passwords were encrypted with').fill('a long passphrase');
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(dialog).toBeHidden();
	await expect(workspaceRow(other, 'Alpha').getByTestId('workspace-status')).toContainText(
		'Connected'
	);
	await expect(workspaceRow(other, 'Beta here')).toBeVisible();
	await fresh.close();
});

test('a malformed or hostile file gets a clear error and changes nothing', async ({ page }) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Keep me',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	const before = await page.evaluate((key) => localStorage.getItem(key), WORKSPACES_STORAGE_KEY);
	await chooseImportFile(
		page,
		'{"format": "opencode-sh.workspaces", "version": 1, "workspaces": ['
	);
	await expect(page.getByRole('dialog').getByRole('alert')).toContainText('not JSON');
	await expect(page.getByRole('dialog').getByRole('button', { name: 'Import' })).toBeDisabled();
	await page.keyboard.press('Escape');

	const hostile = JSON.stringify({
		format: 'opencode-sh.workspaces',
		version: 1,
		exportedAt: 'now',
		workspaces: [
			{
				id: 'x',
				name: '<img src=x onerror=alert(1)>',
				url: 'javascript:alert(1)',
				port: 1,
				username: 'u',
				createdAt: 0,
				lastUsedAt: 0
			}
		]
	});
	await chooseImportFile(page, hostile);
	await expect(page.getByRole('dialog').getByRole('alert')).toContainText('invalid url');
	await page.keyboard.press('Escape');
	expect(await page.evaluate((key) => localStorage.getItem(key), WORKSPACES_STORAGE_KEY)).toBe(
		before
	);
	await expect(page.getByTestId('workspace-name')).toHaveText(['Keep me']);
});
