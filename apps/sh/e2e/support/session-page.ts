import { expect, type Page } from '@playwright/test';
import {
	WORKSPACES_STORAGE_KEY,
	basicAuthHeaders,
	workspaceEntryFor,
	type ServerAddress,
	type WorkspaceEntry
} from '@repo/opencode-harness/fixtures';

/** The e2e convention: a workspace named `name`, with an id made from it. */
export function workspaceFor(
	server: ServerAddress,
	name: string,
	extra: Partial<WorkspaceEntry> = {}
): WorkspaceEntry {
	return workspaceEntryFor(server, `ws-${name.toLowerCase().replace(/\W+/g, '-')}`, {
		name,
		...extra
	});
}

/**
 * Stores workspaces in the page's localStorage before the app first loads (the wizard is
 * covered by its own specs); later loads keep whatever the app saved since.
 */
export async function seedWorkspaces(page: Page, list: WorkspaceEntry[]) {
	await page.addInitScript(
		([key, value]) => {
			if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
		},
		[WORKSPACES_STORAGE_KEY, JSON.stringify(list)] as const
	);
}

/** Creates a session straight on the server (another client); returns its id. */
export async function createSessionOnServer(server: ServerAddress, title: string): Promise<string> {
	const response = await fetch(`${server.url}/session`, {
		method: 'POST',
		headers: basicAuthHeaders(server),
		body: JSON.stringify({ title })
	});
	if (!response.ok) throw new Error(`POST /session: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}

/** The HTTP status of `GET /session/{id}` on a server. */
export async function sessionStatusOnServer(server: ServerAddress, id: string): Promise<number> {
	const response = await fetch(`${server.url}/session/${id}`, {
		headers: basicAuthHeaders(server)
	});
	await response.body?.cancel();
	return response.status;
}

/** The sessions page row showing this title. */
export function sessionRow(page: Page, title: string) {
	return page
		.getByTestId('session-row')
		.filter({ has: page.getByTestId('session-title').getByText(title, { exact: true }) });
}

/** Opens the sessions page and waits until no workspace is still connecting or down. */
export async function openSessionsPage(page: Page, query = '') {
	await page.goto(`/sessions${query}`);
	await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
	await expect(page.getByTestId('workspace-notice')).toHaveCount(0);
}

/** The chat's messages by role. */
export function chatMessages(page: Page, role: 'user' | 'assistant') {
	return page.locator(`[data-testid="message"][data-role="${role}"]`);
}

/** Types a prompt into the composer and sends it with Enter. */
export async function sendPrompt(page: Page, text: string) {
	const box = page.getByLabel('Message', { exact: true });
	await box.fill(text);
	await box.press('Enter');
}

/** The chat header's busy/idle badge. */
export function chatActivity(page: Page) {
	return page.getByTestId('chat').locator('header').getByTestId('session-activity');
}

/** Adds user messages to a session without asking the model (`noReply`), oldest first. */
export async function addMessagesOnServer(
	server: ServerAddress,
	sessionId: string,
	texts: string[]
) {
	for (const text of texts) {
		const response = await fetch(`${server.url}/session/${sessionId}/message`, {
			method: 'POST',
			headers: basicAuthHeaders(server),
			body: JSON.stringify({ parts: [{ type: 'text', text }], noReply: true })
		});
		if (!response.ok) throw new Error(`POST /session/${sessionId}/message: ${response.status}`);
		await response.body?.cancel();
	}
}

/**
 * Runs one prompt to its end on a server and deletes its session again. A server's first
 * prompt waits for start-up work (plugins, provider setup) for many seconds; doing it here
 * keeps that out of the timing of what a test asserts.
 */
export async function warmUp(server: ServerAddress) {
	const id = await createSessionOnServer(server, 'Warm-up');
	const response = await fetch(`${server.url}/session/${id}/message`, {
		method: 'POST',
		headers: basicAuthHeaders(server),
		body: JSON.stringify({ parts: [{ type: 'text', text: 'Warm up' }] }),
		signal: AbortSignal.timeout(55_000)
	});
	await response.body?.cancel();
	await fetch(`${server.url}/session/${id}`, {
		method: 'DELETE',
		headers: basicAuthHeaders(server)
	});
}
