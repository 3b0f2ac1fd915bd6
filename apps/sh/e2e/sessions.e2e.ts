import { expect, test, type Page } from '@playwright/test';
import { basicAuthHeaders } from '@repo/opencode-harness/fixtures';
import { startOpencodeServer, type OpencodeServer } from '@repo/opencode-harness';
import {
	chatActivity,
	chatMessages,
	createSessionOnServer,
	openSessionsPage,
	seedWorkspaces,
	sendPrompt,
	sessionRow,
	sessionStatusOnServer,
	warmUp,
	workspaceFor
} from './support/session-page.ts';
import { useWarmSharedHarness } from './support/warm-harness.ts';

const { info, alpha, beta, model } = useWarmSharedHarness();

test('creates a session on the second workspace and streams its reply chunk by chunk', async ({
	page
}) => {
	await seedWorkspaces(page, [workspaceFor(alpha, 'Alpha'), workspaceFor(beta, 'Beta')]);
	const reply =
		'Streaming works: one two three four five six seven eight nine ten eleven twelve, done.';
	await model.setReply({ text: reply, chunkSize: 4, chunkDelayMs: 150 });
	await model.setTitle('Streamed on Beta');

	await openSessionsPage(page);
	await page.getByRole('button', { name: 'New session' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Workspace').selectOption({ label: 'Beta' });
	await expect(dialog.getByLabel('Model')).toHaveValue('fake/fake-model');
	await expect(dialog.getByLabel('Agent')).toHaveValue('build');
	await dialog.getByRole('button', { name: 'Create session' }).click();

	await expect(page).toHaveURL(/\/w\/ws-beta\/s\/ses_/);
	const sessionId = page.url().split('/s/')[1]!;
	await expect(page.getByTestId('chat-workspace')).toContainText('Beta');
	await expect(page.getByTestId('chat-workspace')).toContainText('Connected');

	await sendPrompt(page, 'Hello Beta');
	await expect(chatMessages(page, 'user')).toHaveText(['Hello Beta']);
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'busy');

	// Part of the reply is on screen while the rest is still on its way.
	const answer = chatMessages(page, 'assistant').last();
	await expect
		.poll(async () => {
			const text = (await answer.textContent()) ?? '';
			return text.includes('Stream') && !text.includes('done.');
		})
		.toBe(true);
	await expect(answer).toContainText(reply);
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
	await expect(page.getByTestId('chat-title')).toHaveText('Streamed on Beta');

	// It lives on Beta only, and the sessions page lists it under Beta.
	expect(await sessionStatusOnServer(beta, sessionId)).toBe(200);
	expect(await sessionStatusOnServer(alpha, sessionId)).toBe(404);
	await page.getByRole('link', { name: 'Sessions', exact: true }).click();
	await expect(sessionRow(page, 'Streamed on Beta').getByTestId('session-workspace')).toHaveText(
		'Beta'
	);
});

test('lists a session another client creates, then renames and deletes it', async ({ page }) => {
	await seedWorkspaces(page, [workspaceFor(alpha, 'Alpha')]);
	await openSessionsPage(page);

	const title = `Made elsewhere ${Date.now()}`;
	const id = await createSessionOnServer(alpha, title);
	const row = sessionRow(page, title);
	await expect(row).toBeVisible();
	await expect(row.getByTestId('session-workspace')).toHaveText('Alpha');

	await row.getByRole('button', { name: 'Rename session' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Title').fill(`${title} (renamed)`);
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog).toBeHidden();
	const renamed = sessionRow(page, `${title} (renamed)`);
	await expect(renamed).toBeVisible();

	await page.getByLabel('Search titles').fill('(renamed)');
	await expect(page.getByTestId('session-row')).toHaveCount(1);

	await renamed.getByRole('button', { name: 'Delete session' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Delete session' }).click();
	await expect(renamed).toHaveCount(0);
	await expect.poll(() => sessionStatusOnServer(alpha, id)).toBe(404);
});

test.describe('with a workspace default model', () => {
	let server: OpencodeServer;

	test.beforeAll(async () => {
		server = await startOpencodeServer({
			modelUrl: info.model.apiUrl,
			password: 'defaults-pw',
			config: {
				provider: { fake: { models: { 'fake-alt': { name: 'Fake Alt', tool_call: true } } } }
			}
		});
		await warmUp(server);
	});

	test.afterAll(async () => {
		await server?.stop();
	});

	const defaultsWorkspace = () =>
		workspaceFor(server, 'Defaults', {
			defaultModel: { providerID: 'fake', modelID: 'fake-alt' }
		});

	/** Sends a prompt, waits for the reply, and returns the model id the fake model was asked for. */
	async function promptAndReadModel(page: Page, prompt: string) {
		await sendPrompt(page, prompt);
		await expect(chatMessages(page, 'assistant').last()).toContainText(
			'Hello from the fake model.'
		);
		const calls = await model.requests();
		return calls.find((call) => call.kind === 'main' && call.lastUserText.includes(prompt))?.body
			.model;
	}

	test('New session preselects it and the prompt uses it', async ({ page }) => {
		const workspace = defaultsWorkspace();
		await seedWorkspaces(page, [workspaceFor(alpha, 'Alpha'), workspace]);

		// The workspaces page's "Connect to session" link opens the dialog preselected.
		await page.goto(`/sessions?workspace=${workspace.id}&new=1`);
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByLabel('Workspace')).toHaveValue(workspace.id);
		await expect(dialog.getByLabel('Model')).toHaveValue('fake/fake-alt');
		await dialog.getByRole('button', { name: 'Create session' }).click();
		await expect(page).toHaveURL(/\/w\/ws-defaults\/s\/ses_/);
		await expect(page.getByTestId('composer-hint')).toContainText('fake/fake-alt');

		expect(await promptAndReadModel(page, `Use the default model ${Date.now()}`)).toBe('fake-alt');
	});

	test('Change in a chat switches model and agent for the next prompts, and keeps them', async ({
		page
	}) => {
		const workspace = defaultsWorkspace();
		await seedWorkspaces(page, [workspace]);
		await page.goto(`/sessions?workspace=${workspace.id}&new=1`);
		await page.getByRole('dialog').getByRole('button', { name: 'Create session' }).click();
		await expect(page).toHaveURL(/\/w\/ws-defaults\/s\/ses_/);
		const sessionId = page.url().split('/s/')[1]!;
		const hint = page.getByTestId('composer-hint');
		await expect(hint).toContainText('fake/fake-alt');

		await page.getByRole('button', { name: 'Change model and agent' }).click();
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByLabel('Model')).toHaveValue('fake/fake-alt');
		await dialog.getByLabel('Model').selectOption('fake/fake-model');
		await dialog.getByLabel('Agent').selectOption('plan');
		await dialog.getByRole('button', { name: 'Use for this session' }).click();
		await expect(dialog).toBeHidden();
		await expect(hint).toContainText('fake/fake-model · plan');

		expect(await promptAndReadModel(page, `Use the chosen model ${Date.now()}`)).toBe('fake-model');
		const response = await fetch(`${server.url}/session/${sessionId}/message`, {
			headers: basicAuthHeaders(server)
		});
		const messages = (await response.json()) as { info: { role: string; agent?: string } }[];
		expect(messages.find((m) => m.info.role === 'user')?.info.agent).toBe('plan');

		await page.reload();
		await expect(hint).toContainText('fake/fake-model · plan');
	});
});

test.describe('with hundreds of sessions', () => {
	const COUNT = 400;
	let server: OpencodeServer;

	test.beforeAll(async () => {
		server = await startOpencodeServer({ modelUrl: info.model.apiUrl, password: 'many-pw' });
		// Created oldest first, a few at a time: the list shows the newest first.
		for (let start = 0; start < COUNT; start += 20) {
			await Promise.all(
				Array.from({ length: Math.min(20, COUNT - start) }, (_, i) =>
					createSessionOnServer(server, `Bulk ${String(start + i).padStart(3, '0')}`)
				)
			);
		}
	});

	test.afterAll(async () => {
		await server?.stop();
	});

	test('the list keeps only the rows near the viewport in the DOM and scrolls to the last', async ({
		page
	}) => {
		await seedWorkspaces(page, [workspaceFor(server, 'Many')]);
		await openSessionsPage(page);
		const rows = page.getByTestId('session-row');
		await expect(rows.first()).toBeVisible();
		await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(COUNT + 1));
		const rendered = await rows.count();
		expect(rendered).toBeGreaterThan(5);
		expect(rendered).toBeLessThan(80);

		// The oldest session is at the end of the list; scrolling there renders it.
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await expect(sessionRow(page, 'Bulk 000')).toBeVisible();
		expect(await rows.count()).toBeLessThan(80);
		await expect(sessionRow(page, 'Bulk 000')).toHaveAttribute('aria-rowindex', String(COUNT + 1));

		await page.getByLabel('Search titles').fill('Bulk 123');
		await expect(rows).toHaveCount(1);
		await expect(sessionRow(page, 'Bulk 123')).toBeVisible();
	});
});
