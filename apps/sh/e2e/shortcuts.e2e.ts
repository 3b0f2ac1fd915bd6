import { expect, test } from '@playwright/test';
import {
	createSessionOnServer,
	openSessionsPage,
	seedWorkspaces,
	workspaceFor
} from './support/session-page.ts';
import { sharedHarness } from './support/shared-harness.ts';

const { alpha, beta } = sharedHarness();
const hour = 3_600_000;
// Beta was used last, so `g 1` means Beta and `g 2` Alpha.
const alphaWs = workspaceFor(alpha, 'Alpha', { lastUsedAt: Date.now() - 2 * hour });
const betaWs = workspaceFor(beta, 'Beta', { lastUsedAt: Date.now() - hour });

test.beforeEach(async ({ page }) => {
	await seedWorkspaces(page, [alphaWs, betaWs]);
});

test('? shows the shortcuts, except while typing in a field', async ({ page }) => {
	await openSessionsPage(page);
	const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

	const search = page.getByLabel('Search titles');
	await search.focus();
	await page.keyboard.press('?');
	await expect(search).toHaveValue('?');
	await expect(help).toHaveCount(0);

	await search.fill('');
	await search.blur();
	await page.keyboard.press('?');
	await expect(help).toBeVisible();
	for (const description of ['New session', 'Go to workspaces', 'Go to sessions']) {
		await expect(help).toContainText(description);
	}
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();
});

test('n opens the new-session dialog from any page', async ({ page }) => {
	await page.goto('/workspaces');
	await expect(page.getByTestId('workspace-row')).toHaveCount(2);
	await page.keyboard.press('n');
	await expect(page).toHaveURL(/\/sessions$/);
	const dialog = page.getByRole('dialog', { name: 'New session' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByLabel('Workspace')).toBeVisible();
});

test('g w and g s switch pages; g 1 and g 2 open a workspace’s sessions', async ({ page }) => {
	await page.goto('/workspaces');
	await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();

	await page.keyboard.press('g');
	await page.keyboard.press('s');
	await expect(page).toHaveURL(/\/sessions$/);
	await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();

	await page.keyboard.press('g');
	await page.keyboard.press('w');
	await expect(page).toHaveURL(/\/workspaces$/);
	await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();

	await page.keyboard.press('g');
	await page.keyboard.press('1');
	await expect(page).toHaveURL(new RegExp(`/sessions\\?workspace=${betaWs.id}$`));
	await expect(page.getByLabel('Workspace', { exact: true })).toHaveValue(betaWs.id);

	await page.keyboard.press('g');
	await page.keyboard.press('2');
	await expect(page).toHaveURL(new RegExp(`/sessions\\?workspace=${alphaWs.id}$`));
	await expect(page.getByLabel('Workspace', { exact: true })).toHaveValue(alphaWs.id);
});

test('/ focuses the session search, and the message box in a chat', async ({ page }) => {
	await openSessionsPage(page);
	const search = page.getByLabel('Search titles');
	await expect(search).not.toBeFocused();
	await page.keyboard.press('/');
	await expect(search).toBeFocused();
	// The slash itself is not typed into the box.
	await expect(search).toHaveValue('');

	const sessionId = await createSessionOnServer(alpha, `Shortcut chat ${Date.now()}`);
	await page.goto(`/w/${alphaWs.id}/s/${sessionId}`);
	await expect(page.getByTestId('chat-workspace')).toContainText('Connected');
	const composer = page.getByLabel('Message', { exact: true });
	await expect(composer).not.toBeFocused();
	await page.keyboard.press('/');
	await expect(composer).toBeFocused();
	await expect(composer).toHaveValue('');
});
