import { expect, test, type Page } from '@playwright/test';
import { WORKSPACES_STORAGE_KEY as KEY } from '@repo/opencode-harness/fixtures';
import { sharedHarness } from './support/shared-harness.ts';
import { addWorkspaceThroughWizard, workspaceRow } from './support/workspace-page.ts';

const { alpha, beta } = sharedHarness();

const BACKUP_PREFIX = `${KEY}.backup.`;
const UNREADABLE = 'Some saved workspaces could not be read';
const NOT_SAVED = 'Changes to your workspaces were not saved';

/** A complete stored workspace as an earlier version wrote it: the password still in plain text. */
function storedWorkspace(overrides: Record<string, unknown> = {}) {
	const time = Date.now();
	return {
		id: 'kept-workspace',
		name: 'Kept',
		url: beta.url,
		port: beta.port,
		username: beta.username,
		password: beta.password!,
		createdAt: time,
		lastUsedAt: time,
		...overrides
	};
}

/** Puts `raw` under the workspace key before the app's first load only, not on reloads. */
async function seedBeforeFirstLoad(page: Page, raw: string) {
	await page.addInitScript(
		([key, value]) => {
			if (sessionStorage.getItem('e2e-storage-seeded')) return;
			sessionStorage.setItem('e2e-storage-seeded', '1');
			localStorage.setItem(key, value);
		},
		[KEY, raw] as const
	);
}

/** Every localStorage entry of the app's origin. */
function readLocalStorage(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => {
		const entries: Record<string, string> = {};
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i)!;
			entries[key] = localStorage.getItem(key)!;
		}
		return entries;
	});
}

/** The backups the app made, as `[key, value]` pairs. */
async function backups(page: Page) {
	const entries = Object.entries(await readLocalStorage(page));
	return entries.filter(([key]) => key.startsWith(BACKUP_PREFIX));
}

function toast(page: Page, title: string) {
	return page.locator('[data-sonner-toast]').filter({ hasText: title });
}

/** The toast about unreadable data names the backup key, and the backup holds `expected`. */
async function expectBackupAndNotice(page: Page, expected: string, description: RegExp) {
	const notice = toast(page, UNREADABLE);
	await expect(notice).toBeVisible();
	await expect(notice).toContainText(description);
	const saved = await backups(page);
	expect(saved).toHaveLength(1);
	const [backupKey, backupValue] = saved[0]!;
	expect(backupValue).toBe(expected);
	await expect(notice).toContainText(`"${backupKey}"`);
}

test('a list that is not JSON: the app starts empty, says so once, and keeps the text', async ({
	page
}) => {
	const raw = '[{"id":"half-written", "name": "Lost';
	await seedBeforeFirstLoad(page, raw);
	await page.goto('/workspaces');

	await expect(page.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
	await expectBackupAndNotice(page, raw, /not readable.*0 workspaces loaded/);
	// The damaged value is replaced only now that it is safe in the backup.
	await expect.poll(async () => (await readLocalStorage(page))[KEY]).toBe('[]');

	// Told once: a reload finds a clean list, no new notice and no second backup.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
	await expect(toast(page, UNREADABLE)).toHaveCount(0);
	expect(await backups(page)).toHaveLength(1);
});

test('an object instead of a list: the app starts empty, says so, and keeps the object', async ({
	page
}) => {
	const raw = JSON.stringify({ workspaces: [storedWorkspace()] });
	await seedBeforeFirstLoad(page, raw);
	await page.goto('/workspaces');

	await expect(page.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
	await expectBackupAndNotice(page, raw, /entry was not valid.*0 workspaces loaded/);
	await expect.poll(async () => (await readLocalStorage(page))[KEY]).toBe('[]');
});

test('one valid and one invalid entry: the valid one loads and connects, the other is backed up', async ({
	page
}) => {
	const valid = storedWorkspace();
	const invalid = { id: 'broken', name: 'Broken', url: alpha.url, port: 'not a number' };
	await seedBeforeFirstLoad(page, JSON.stringify([valid, invalid]));
	await page.goto('/workspaces');

	await expect(page.getByTestId('workspace-name')).toHaveText(['Kept']);
	// Its plain-text password is sealed on load and still opens the server.
	await expect(workspaceRow(page, 'Kept').getByTestId('workspace-status')).toContainText(
		'Connected'
	);
	await expectBackupAndNotice(
		page,
		JSON.stringify([invalid]),
		/1 saved workspace entry was not valid.*1 workspace loaded/
	);
	await expect(async () => {
		const stored = JSON.parse((await readLocalStorage(page))[KEY]!) as (typeof valid)[];
		expect(stored.map((w) => w.id)).toEqual([valid.id]);
		expect(stored[0]!.password).toMatch(/^sealed:v1:/);
	}).toPass();
});

/** Fills the origin's localStorage until not even one more character fits; returns the keys used. */
function fillLocalStorage(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const keys: string[] = [];
		let chunk = 'x'.repeat(1 << 20);
		while (chunk.length > 0) {
			const key = `e2e-junk-${keys.length}`;
			try {
				localStorage.setItem(key, chunk);
				keys.push(key);
			} catch {
				chunk = chunk.slice(0, chunk.length >> 1);
			}
		}
		return keys;
	});
}

test('full storage: a new workspace is kept in the tab, the user is told it was not saved', async ({
	page
}) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Kept',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	const before = (await readLocalStorage(page))[KEY];
	expect(before).toContain('"Kept"');
	const junk = await fillLocalStorage(page);
	expect(junk.length).toBeGreaterThan(0);

	await page.reload();
	await expect(workspaceRow(page, 'Kept').getByTestId('workspace-status')).toContainText(
		'Connected'
	);

	await addWorkspaceThroughWizard(page, {
		name: 'Unsaved',
		url: alpha.url,
		username: alpha.username,
		password: alpha.password!
	});
	const notice = toast(page, NOT_SAVED);
	await expect(notice).toBeVisible();
	await expect(notice).toContainText('QuotaExceededError');
	await expect(page.getByTestId('workspace-name')).toHaveText(['Unsaved', 'Kept']);
	await expect(workspaceRow(page, 'Kept').getByTestId('workspace-status')).toContainText(
		'Connected'
	);
	const after = await readLocalStorage(page);
	expect(after[KEY]).toBe(before);
	expect(Object.keys(after).filter((key) => key.startsWith(BACKUP_PREFIX))).toEqual([]);
});

// The toast promises that unsaved changes "stay in this tab until a later save succeeds".
test('full storage: the unsaved workspace is saved by the next save once there is room', async ({
	page
}) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Kept',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	const junk = await fillLocalStorage(page);
	await page.reload();
	await expect(workspaceRow(page, 'Kept')).toBeVisible();
	await addWorkspaceThroughWizard(page, {
		name: 'Unsaved',
		url: alpha.url,
		username: alpha.username,
		password: alpha.password!
	});
	await expect(toast(page, NOT_SAVED)).toBeVisible();

	await page.evaluate((keys) => keys.forEach((key) => localStorage.removeItem(key)), junk);
	await workspaceRow(page, 'Kept').getByRole('button', { name: 'Edit Kept' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Name').fill('Kept renamed');
	await expect(dialog.getByTestId('connection-test-result')).toContainText('Connected to opencode');
	await dialog.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(dialog).toBeHidden();
	await expect(workspaceRow(page, 'Kept renamed')).toBeVisible();

	// What should happen: both are listed and stored. What happens: "Unsaved" is gone from both.
	const stored = JSON.parse((await readLocalStorage(page))[KEY]!) as { name: string }[];
	expect(stored.map((w) => w.name).sort()).toEqual(['Kept renamed', 'Unsaved']);
	await expect(page.getByTestId('workspace-name')).toHaveText(['Unsaved', 'Kept renamed']);
});
