import { expect, test } from '@playwright/test';

// The service worker would answer from its cache; this is about a page that cannot fetch.
test.use({ serviceWorkers: 'block' });

const CHUNKS = '**/_app/immutable/**';

test('a dialog whose code cannot be fetched says so, can be dismissed, and loads after a reload', async ({
	page
}) => {
	await page.goto('/workspaces');
	const importButton = page.getByRole('button', { name: 'Import' });
	await expect(importButton).toBeVisible();

	// The connection drops (or a deploy replaced the chunks) after the page loaded.
	await page.route(CHUNKS, (route) => route.abort());
	await importButton.click();
	const failure = page.getByTestId('load-failure');
	await expect(failure).toContainText('The import dialog could not be loaded');
	await failure.getByRole('button', { name: 'Dismiss' }).click();
	await expect(failure).toHaveCount(0);

	await importButton.click();
	await expect(failure).toBeVisible();
	await page.unroute(CHUNKS);
	await failure.getByRole('button', { name: 'Reload' }).click();
	await expect(failure).toHaveCount(0);
	await importButton.click();
	await expect(page.getByRole('dialog', { name: 'Import workspaces' })).toBeVisible();
});
