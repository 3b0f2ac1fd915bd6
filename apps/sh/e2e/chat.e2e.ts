import { expect, test, type Page } from '@playwright/test';
import { type ServerAddress, type WorkspaceEntry } from '@repo/opencode-harness/fixtures';
import { startOpencodeServer, type OpencodeServer } from '@repo/opencode-harness';
import {
	addMessagesOnServer,
	chatActivity,
	chatMessages,
	createSessionOnServer,
	seedWorkspaces,
	sendPrompt,
	sessionRow,
	warmUp,
	workspaceFor
} from './support/session-page.ts';
import { useWarmSharedHarness } from './support/warm-harness.ts';

const { info, alpha, beta, model } = useWarmSharedHarness();

/** Opens the chat of a session made on the server for this test. */
async function openNewChat(
	page: Page,
	server: ServerAddress,
	workspace: WorkspaceEntry,
	title: string
) {
	const sessionId = await createSessionOnServer(server, title);
	await page.goto(`/w/${workspace.id}/s/${sessionId}`);
	await expect(page.getByTestId('chat-title')).toHaveText(title);
	await expect(page.getByTestId('chat-workspace')).toContainText('Connected');
	return sessionId;
}

test('Stop and Esc abort a slow reply; the partial text stays, marked aborted', async ({
	page
}) => {
	const workspace = workspaceFor(alpha, 'Alpha');
	await seedWorkspaces(page, [workspace]);
	await model.setReply({ text: 'partial '.repeat(80), chunkSize: 4, chunkDelayMs: 100 });
	await openNewChat(page, alpha, workspace, `Abort me ${Date.now()}`);

	await sendPrompt(page, 'Talk slowly');
	const answer = chatMessages(page, 'assistant').last();
	await expect(answer).toContainText('partial partial');
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'busy');
	await page.getByRole('button', { name: 'Stop' }).click();

	await expect(answer.getByTestId('message-error')).toHaveText('Aborted');
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
	await expect(answer.getByTestId('text-part')).toContainText('partial partial');
	expect((await answer.getByTestId('text-part').textContent())!.length).toBeLessThan(
		'partial '.length * 80
	);

	await sendPrompt(page, 'Again, slowly');
	const second = chatMessages(page, 'assistant').last();
	await expect(chatMessages(page, 'assistant')).toHaveCount(2);
	await expect(second).toContainText('partial partial');
	await page.keyboard.press('Escape');
	await expect(second.getByTestId('message-error')).toHaveText('Aborted');
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
});

test('two workspaces stream in two tabs at once without crossing', async ({ context }) => {
	const alphaWs = workspaceFor(alpha, 'Alpha');
	const betaWs = workspaceFor(beta, 'Beta');
	const first = await context.newPage();
	await seedWorkspaces(first, [alphaWs, betaWs]);
	const second = await context.newPage();
	await seedWorkspaces(second, [alphaWs, betaWs]);
	// Slow enough to overlap even when one server is still warming up for its first prompt.
	const slow = { chunkSize: 2, chunkDelayMs: 120 };
	const tail = ' and keeps on going, piece by piece, for quite a while longer.'.repeat(2);
	await model.enqueueReplies(
		{ text: `Reply number one arrives slowly${tail}`, ...slow },
		{ text: `Reply number two arrives slowly${tail}`, ...slow }
	);

	await openNewChat(first, alpha, alphaWs, `Tab on Alpha ${Date.now()}`);
	await openNewChat(second, beta, betaWs, `Tab on Beta ${Date.now()}`);
	await sendPrompt(first, 'From the Alpha tab');
	await sendPrompt(second, 'From the Beta tab');

	// Both replies are under way at the same moment.
	await expect
		.poll(
			async () => {
				const busy = await Promise.all(
					[first, second].map((page) => chatActivity(page).getAttribute('data-activity'))
				);
				const texts = await Promise.all(
					[first, second].map((page) => page.getByTestId('text-part').allTextContents())
				);
				return (
					busy.every((state) => state === 'busy') &&
					texts.every((list) => list.join('').includes('Reply number'))
				);
			},
			{ timeout: 30_000 }
		)
		.toBe(true);

	for (const [page, prompt] of [
		[first, 'From the Alpha tab'],
		[second, 'From the Beta tab']
	] as const) {
		await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
		await expect(chatMessages(page, 'user')).toHaveText([prompt]);
		await expect(chatMessages(page, 'assistant')).toHaveCount(1);
		await expect(chatMessages(page, 'assistant')).toContainText(/Reply number (one|two) arrives/);
	}
	const answers = await Promise.all(
		[first, second].map((page) => chatMessages(page, 'assistant').textContent())
	);
	expect(answers[0]).not.toBe(answers[1]);
});

test('a long session keeps the DOM small, follows the end and pages in older messages', async ({
	page
}) => {
	const workspace = workspaceFor(alpha, 'Alpha');
	await seedWorkspaces(page, [workspace]);
	const sessionId = await createSessionOnServer(alpha, `Long ${Date.now()}`);
	const texts = Array.from(
		{ length: 70 },
		(_, i) => `Message ${i + 1}\n\n${'Some words. '.repeat(20)}`
	);
	await addMessagesOnServer(alpha, sessionId, texts);
	await page.goto(`/w/${workspace.id}/s/${sessionId}`);

	const list = page.getByTestId('message-list');
	// The newest page is loaded and the view sits at its end; only a few rows are in the DOM.
	await expect(chatMessages(page, 'user').last()).toContainText('Message 70');
	const rendered = await chatMessages(page, 'user').count();
	expect(rendered).toBeLessThan(20);
	await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);

	// Scrolling up unpins the view; older messages come in on request.
	await list.hover();
	await page.mouse.wheel(0, -100_000);
	await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
	await page.getByRole('button', { name: 'Load earlier messages' }).click();
	await expect(page.getByRole('button', { name: 'Load earlier messages' })).toHaveCount(0);
	// The message that was on top stays in view as the earlier ones go in above it.
	await expect(chatMessages(page, 'user').filter({ hasText: 'Message 31' })).toBeInViewport();
	await expect
		.poll(async () => {
			await list.evaluate((el) => (el.scrollTop = 0));
			return chatMessages(page, 'user').first().textContent();
		})
		.toContain('Message 1\n');
	expect(await chatMessages(page, 'user').count()).toBeLessThan(20);

	await page.getByRole('button', { name: 'Jump to latest' }).click();
	await expect(chatMessages(page, 'user').last()).toContainText('Message 70');
	await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
});

test.describe('with bash permission set to ask', () => {
	let server: OpencodeServer;

	test.beforeAll(async () => {
		server = await startOpencodeServer({
			modelUrl: info.model.apiUrl,
			password: 'ask-pw',
			config: { permission: { bash: 'ask' } }
		});
		await warmUp(server);
	});

	test.afterAll(async () => {
		await server?.stop();
	});

	const bashCall = (command: string) => ({
		toolCall: { name: 'bash', arguments: { command, description: 'Print a word' } }
	});

	test('the request shows at its tool call; Allow once runs it, Reject refuses it', async ({
		page
	}) => {
		const workspace = workspaceFor(server, 'Guarded');
		await seedWorkspaces(page, [workspace]);
		const title = `Permission ${Date.now()}`;
		await model.enqueueReplies(bashCall('echo approved-output'), 'The tool ran fine.');
		await openNewChat(page, server, workspace, title);

		await sendPrompt(page, 'Run the command');
		const tool = page.getByTestId('tool-part').last();
		await expect(tool).toContainText('echo approved-output');
		const prompt = tool.getByTestId('permission-prompt');
		await expect(prompt).toBeVisible();
		await expect(tool.getByTestId('tool-status')).toHaveText('Needs approval');

		// The request is on the sessions page too, and survives a reload of the chat.
		await page.getByRole('link', { name: 'Sessions', exact: true }).click();
		await expect(sessionRow(page, title)).toContainText('Needs approval');
		await page.goBack();
		await page.reload();
		await expect(
			page.getByTestId('tool-part').last().getByTestId('permission-prompt')
		).toBeVisible();

		await page.getByRole('button', { name: 'Allow once' }).click();
		await expect(prompt).toHaveCount(0);
		await expect(tool).toHaveAttribute('data-status', 'completed');
		await expect(tool.getByTestId('tool-output')).toContainText('approved-output');
		await expect(chatMessages(page, 'assistant').last()).toContainText('The tool ran fine.');
		await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');

		await model.enqueueReplies(bashCall('echo should-not-run'));
		await sendPrompt(page, 'Run another one');
		const refused = page.getByTestId('tool-part').filter({ hasText: 'echo should-not-run' });
		await expect(refused.getByTestId('permission-prompt')).toBeVisible();
		await refused.getByRole('button', { name: 'Reject' }).click();
		await expect(refused).toHaveAttribute('data-status', 'error');
		await expect(refused.getByTestId('tool-error')).toContainText(/rejected/i);
		await expect(refused.getByTestId('tool-output')).toHaveCount(0);
		await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
	});
});
