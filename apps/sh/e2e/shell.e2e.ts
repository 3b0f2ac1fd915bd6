import { expect, test } from '@playwright/test';

test('the root opens the workspaces page with its empty state', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/workspaces$/);
	await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Add workspace' })).toBeVisible();
});

test('a deep link to another route renders through the SPA fallback', async ({ page }) => {
	const response = await page.goto('/sessions');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
	await page.getByRole('link', { name: 'Workspaces' }).click();
	await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();
});
