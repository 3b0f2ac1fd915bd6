import { expect, type Page } from '@playwright/test';

/** A harness server as the tests know it. */
export type ServerInfo = {
	url: string;
	port: number;
	username: string;
	password: string | null | undefined;
};

/** A stored workspace, as the app keeps it in localStorage. */
export type SeedWorkspace = {
	id: string;
	name: string;
	url: string;
	port: number;
	username: string;
	password: string;
	createdAt: number;
	lastUsedAt: number;
	defaultModel?: { providerID: string; modelID: string };
	defaultAgent?: string;
};

const WORKSPACES_KEY = 'opencode-workspaces';

/** The workspace entry for a harness server. */
export function workspaceFor(
	server: ServerInfo,
	name: string,
	extra: Partial<SeedWorkspace> = {}
): SeedWorkspace {
	return {
		id: `ws-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		url: server.url,
		port: server.port,
		username: server.username,
		password: server.password ?? '',
		createdAt: Date.now(),
		lastUsedAt: Date.now(),
		...extra
	};
}

/**
 * Stores workspaces in the page's localStorage before the app first loads (the wizard is
 * covered by its own specs); later loads keep whatever the app saved since.
 */
export async function seedWorkspaces(page: Page, list: SeedWorkspace[]) {
	await page.addInitScript(
		([key, value]) => {
			if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
		},
		[WORKSPACES_KEY, JSON.stringify(list)] as const
	);
}

/** Basic auth headers for calling a harness server directly, as another client would. */
export function authHeaders(server: ServerInfo): Record<string, string> {
	const token = Buffer.from(`${server.username}:${server.password ?? ''}`).toString('base64');
	return { authorization: `Basic ${token}`, 'content-type': 'application/json' };
}

/** Creates a session straight on the server (another client); returns its id. */
export async function createSessionOnServer(server: ServerInfo, title: string): Promise<string> {
	const response = await fetch(`${server.url}/session`, {
		method: 'POST',
		headers: authHeaders(server),
		body: JSON.stringify({ title })
	});
	if (!response.ok) throw new Error(`POST /session: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}

/** The HTTP status of `GET /session/{id}` on a server. */
export async function sessionStatusOnServer(server: ServerInfo, id: string): Promise<number> {
	const response = await fetch(`${server.url}/session/${id}`, { headers: authHeaders(server) });
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
export async function addMessagesOnServer(server: ServerInfo, sessionId: string, texts: string[]) {
	for (const text of texts) {
		const response = await fetch(`${server.url}/session/${sessionId}/message`, {
			method: 'POST',
			headers: authHeaders(server),
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
export async function warmUp(server: ServerInfo) {
	const id = await createSessionOnServer(server, 'Warm-up');
	const response = await fetch(`${server.url}/session/${id}/message`, {
		method: 'POST',
		headers: authHeaders(server),
		body: JSON.stringify({ parts: [{ type: 'text', text: 'Warm up' }] }),
		signal: AbortSignal.timeout(55_000)
	});
	await response.body?.cancel();
	await fetch(`${server.url}/session/${id}`, { method: 'DELETE', headers: authHeaders(server) });
}
