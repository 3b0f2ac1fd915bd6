import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { fakeModelControl } from '@repo/opencode-harness';
import {
	chatActivity,
	chatMessages,
	createSessionOnServer,
	openSessionsPage,
	seedWorkspaces,
	sessionRow,
	warmUp,
	workspaceFor
} from './support/session-page.ts';
import { sharedHarness } from './support/shared-harness.ts';
import { workspaceRow } from './support/workspace-page.ts';

// A phone: Chromium emulates the viewport, device scale, touch and the mobile meta viewport.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const { info, alpha } = sharedHarness();
const model = fakeModelControl(info.model.url);
const workspace = workspaceFor(alpha, 'Alpha on a phone');

test.afterEach(async () => {
	await model.reset();
});

/** The page does not scroll sideways; names the elements that stick out when it does. */
async function expectNoHorizontalOverflow(page: Page, what: string) {
	const layout = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth,
		wide: [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
			.slice(0, 8)
			.map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`)
	}));
	expect(layout.scrollWidth, `${what} is wider than the screen: ${layout.wide.join(', ')}`).toBe(
		layout.innerWidth
	);
}

/** A control a thumb can use: on screen, fully inside the screen's width, big enough to hit. */
async function expectUsable(control: Locator) {
	await expect(control).toBeVisible();
	await expect(control).toBeInViewport({ ratio: 1 });
	const box = (await control.boundingBox())!;
	expect(box.width).toBeGreaterThanOrEqual(24);
	expect(box.height).toBeGreaterThanOrEqual(24);
}

/** Saves a full-page screenshot next to the test's other output and attaches it. */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the workspace table and the add wizard fit a phone', async ({ page }, testInfo) => {
	await seedWorkspaces(page, [workspace]);
	await page.goto('/workspaces');
	const row = workspaceRow(page, workspace.name);
	await expect(row.getByTestId('workspace-status')).toContainText('Connected');
	await expectNoHorizontalOverflow(page, 'the workspaces page');
	for (const name of [
		`Connect to session on ${workspace.name}`,
		`Edit ${workspace.name}`,
		`Delete ${workspace.name}`
	]) {
		await expectUsable(row.getByRole(name.startsWith('Connect') ? 'link' : 'button', { name }));
	}
	const add = page.getByRole('link', { name: 'Add workspace' });
	await expectUsable(add);
	await screenshot(page, testInfo, 'workspaces');

	await add.tap();
	const dialog = page.getByRole('dialog', { name: 'Add workspace' });
	await expect(dialog.getByLabel('Username')).toBeVisible();
	await expect(dialog).toBeInViewport({ ratio: 1 });
	await expectNoHorizontalOverflow(page, 'wizard step 1');
	await screenshot(page, testInfo, 'wizard-1-credentials');
	await dialog.getByLabel('Username').fill(alpha.username);
	await dialog.getByLabel('Password', { exact: true }).fill(alpha.password!);
	await dialog.getByRole('button', { name: 'Next' }).tap();

	// The long commands wrap inside the dialog instead of widening it.
	await expect(dialog.getByTestId('tunnel-command')).toBeVisible();
	await expectNoHorizontalOverflow(page, 'wizard step 2');
	const box = (await dialog.boundingBox())!;
	for (const command of ['serve-command', 'tunnel-command']) {
		const commandBox = (await dialog.getByTestId(command).boundingBox())!;
		expect(commandBox.x + commandBox.width).toBeLessThanOrEqual(box.x + box.width);
	}
	await screenshot(page, testInfo, 'wizard-2-setup');
	await dialog.getByLabel('This machine, no tunnel').tap();
	const next = dialog.getByRole('button', { name: 'Next' });
	await next.scrollIntoViewIfNeeded();
	await expectUsable(next);
	await next.tap();

	await dialog.getByLabel('Server URL').fill(alpha.url);
	await dialog.getByLabel('Name').fill('From the phone');
	await dialog.getByRole('button', { name: 'Test connection' }).tap();
	await expect(dialog.getByTestId('connection-test-result')).toContainText('Connected to opencode');
	await expectNoHorizontalOverflow(page, 'wizard step 3');
	const save = dialog.getByRole('button', { name: 'Save', exact: true });
	await save.scrollIntoViewIfNeeded();
	await expectUsable(save);
	await screenshot(page, testInfo, 'wizard-3-connect');
	await save.tap();
	await expect(dialog).toBeHidden();
	await expect(workspaceRow(page, 'From the phone')).toBeVisible();
	await expectNoHorizontalOverflow(page, 'the workspaces page with two workspaces');
});

test('the session list and a chat work on a phone', async ({ page }, testInfo) => {
	await warmUp(alpha);
	await seedWorkspaces(page, [workspace]);
	const title = `On a phone, with a rather long title that has to be cut somewhere ${Date.now()}`;
	const sessionId = await createSessionOnServer(alpha, title);

	// From the workspace table, "Connect to session" opens the new-session dialog.
	await page.goto('/workspaces');
	await workspaceRow(page, workspace.name)
		.getByRole('link', { name: `Connect to session on ${workspace.name}` })
		.tap();
	const dialog = page.getByRole('dialog', { name: 'New session' });
	await expect(dialog.getByLabel('Model')).toHaveValue('fake/fake-model');
	await expect(dialog).toBeInViewport({ ratio: 1 });
	await expectNoHorizontalOverflow(page, 'the new-session dialog');
	await screenshot(page, testInfo, 'new-session-dialog');
	await dialog.getByRole('button', { name: 'Cancel' }).tap();
	await expect(dialog).toBeHidden();

	await openSessionsPage(page);
	const row = sessionRow(page, title);
	await expect(row).toBeVisible();
	await expectNoHorizontalOverflow(page, 'the sessions page');
	await expectUsable(page.getByRole('button', { name: 'New session' }));
	await expectUsable(row.getByTestId('session-title'));
	await expect(row.getByTestId('session-activity')).toBeInViewport({ ratio: 1 });
	for (const name of ['Copy session id', 'Rename session', 'Delete session']) {
		await expectUsable(row.getByRole('button', { name }));
	}
	await screenshot(page, testInfo, 'sessions');

	await row.getByTestId('session-title').tap();
	await expect(page).toHaveURL(new RegExp(`/s/${sessionId}$`));
	await expect(page.getByTestId('chat-workspace')).toContainText('Connected');
	const composer = page.getByLabel('Message', { exact: true });
	const send = page.getByRole('button', { name: 'Send' });
	await expectUsable(composer);
	await expectUsable(send);
	await expectNoHorizontalOverflow(page, 'an empty chat');

	// A reply with what tends to widen a page: a long word, a wide code line, a table.
	const longWord = 'x'.repeat(300);
	await model.setReply(
		[
			`A long word: ${longWord}`,
			`A long link: https://example.com/${'path/'.repeat(40)}`,
			'```ts\n' + `const wide = '${'w'.repeat(200)}';\n` + '```',
			'| a | b | c | d |\n|---|---|---|---|\n' +
				`| ${'cell '.repeat(12)} | ${'cell '.repeat(12)} | c | d |`,
			'End of the phone reply.'
		].join('\n\n')
	);
	await composer.tap();
	await composer.fill('Write something wide');
	await send.tap();
	await expect(chatMessages(page, 'user')).toHaveText(['Write something wide']);
	await expect(chatMessages(page, 'assistant').last()).toContainText('End of the phone reply.');
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
	await expectNoHorizontalOverflow(page, 'the chat with a wide reply');
	// Nor does the message list: long words wrap, code and tables scroll in their own boxes.
	const list = page.getByTestId('message-list');
	const sticksOut = await list.evaluate((el) => {
		const right = el.getBoundingClientRect().right;
		return [...el.querySelectorAll('*')]
			.filter((child) => child.getBoundingClientRect().right > right + 1)
			.filter((child) => !child.parentElement?.closest('pre, table'))
			.map(
				(child) => `<${child.tagName.toLowerCase()} class="${child.getAttribute('class') ?? ''}">`
			);
	});
	expect(sticksOut, 'wider than the message list').toEqual([]);
	await expectUsable(composer);
	await expectUsable(send);
	await expect(chatMessages(page, 'assistant').last()).toBeInViewport();
	await screenshot(page, testInfo, 'chat');
});
