import { expect, test } from '@playwright/test';
import { sharedHarness } from './support/shared-harness.ts';
import { addWorkspaceThroughWizard, workspaceRow } from './support/workspace-page.ts';

const { beta } = sharedHarness();

test('installable: a manifest with icons, linked from every page', async ({ page, request }) => {
	await page.goto('/sessions');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest).toMatchObject({
		name: 'Opencode SH',
		display: 'standalone',
		start_url: '/workspaces'
	});
	const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
	expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of manifest.icons as Array<{ src: string }>) {
		const response = await request.get(icon.src);
		expect(response.status(), icon.src).toBe(200);
		expect(response.headers()['content-type']).toBe('image/png');
	}
});

test('opens offline from the service worker, showing stored workspaces as unreachable', async ({
	page,
	context
}) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Beta',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	await expect(workspaceRow(page, 'Beta').getByTestId('workspace-status')).toContainText(
		'Connected'
	);
	expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe(
		'activated'
	);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();
	await expect(workspaceRow(page, 'Beta').getByTestId('workspace-status')).toContainText(
		/Unreachable|Reconnecting/
	);
	await page.goto('/sessions');
	await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
	await context.setOffline(false);

	// Only the app shell is cached: nothing from an opencode server, no API answer.
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const key of await caches.keys()) {
			for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
		}
		return urls;
	});
	expect(cached.length).toBeGreaterThan(3);
	for (const url of cached) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
	expect(cached.some((url) => url.includes('/global/') || url.includes('/session'))).toBe(false);
});
