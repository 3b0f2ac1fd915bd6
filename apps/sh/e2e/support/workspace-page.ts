import { expect, type Page } from '@playwright/test';

export type WorkspaceFields = {
	name: string;
	url: string;
	username: string;
	password: string;
	port?: number;
};

/** Goes through the add-workspace wizard as a user would, ending with a passed connection test. */
export async function addWorkspaceThroughWizard(page: Page, fields: WorkspaceFields) {
	await page.goto('/workspaces/new');
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('heading', { name: 'Add workspace' })).toBeVisible();
	await dialog.getByLabel('Username').fill(fields.username);
	await dialog.getByLabel('Password', { exact: true }).fill(fields.password);
	if (fields.port) await dialog.getByLabel('Port').fill(String(fields.port));
	await dialog.getByRole('button', { name: 'Next' }).click();
	await dialog.getByLabel('This machine, no tunnel').check();
	await dialog.getByRole('button', { name: 'Next' }).click();
	await dialog.getByLabel('Server URL').fill(fields.url);
	await dialog.getByLabel('Name').fill(fields.name);
	await dialog.getByRole('button', { name: 'Test connection' }).click();
	await expect(dialog.getByTestId('connection-test-result')).toContainText('Connected to opencode');
	await dialog.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(dialog).toBeHidden();
}

/** The table row of the workspace with this name. */
export function workspaceRow(page: Page, name: string) {
	return page.getByTestId('workspace-row').filter({ has: page.getByText(name, { exact: true }) });
}
