import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	basicAuthHeaders,
	type ServerAddress,
	type WorkspaceEntry
} from '@repo/opencode-harness/fixtures';
import { fakeModelControl, startOpencodeServer, type OpencodeServer } from '@repo/opencode-harness';
import {
	chatActivity,
	chatMessages,
	seedWorkspaces,
	sendPrompt,
	sessionRow,
	warmUp,
	workspaceFor
} from './support/session-page.ts';
import { sharedHarness } from './support/shared-harness.ts';
import {
	batchEnd,
	batchPayloads,
	batchReply,
	payloadBatches,
	payloadLabel,
	PROVIDER_ERROR_PAYLOAD,
	promptPayload,
	TITLE_PAYLOAD,
	TOOL_ERROR_PAYLOAD,
	TOOL_NAME_PAYLOAD,
	TOOL_OUTPUT_PAYLOAD,
	XSS_PAYLOADS
} from './support/xss-payloads.ts';
import { recordXss } from './support/xss-recorder.ts';

// The app's CSP would block inline scripts and handlers anyway (csp.e2e.ts proves it). Here it
// is switched off so that what is measured is the renderer and sanitiser alone: a payload that
// got through them would run, and be recorded.
test.use({ bypassCSP: true });

const { info } = sharedHarness();
const model = fakeModelControl(info.model.url);
const BATCHES = payloadBatches(6);
let server: OpencodeServer;
let serverInfo: ServerAddress;

test.beforeAll(async () => {
	// Its own server: bash runs without asking, and its session list holds only this spec's.
	server = await startOpencodeServer({
		modelUrl: info.model.apiUrl,
		password: 'xss-secret',
		config: { permission: { bash: 'allow' } }
	});
	serverInfo = { ...server, password: server.password ?? null };
	await model.reset();
	await warmUp(serverInfo);
});

test.afterAll(async () => {
	await server?.stop();
});

test.afterEach(async () => {
	await model.reset();
});

/** A session with opencode's default title, so that the first prompt has the model name it. */
async function createUntitledSession(target: ServerAddress): Promise<string> {
	const response = await fetch(`${target.url}/session`, {
		method: 'POST',
		headers: basicAuthHeaders(target),
		body: '{}'
	});
	if (!response.ok) throw new Error(`POST /session: ${response.status}`);
	return ((await response.json()) as { id: string }).id;
}

async function openChat(page: Page, workspace: WorkspaceEntry, sessionId: string) {
	await page.goto(`/w/${workspace.id}/s/${sessionId}`);
	await expect(page.getByTestId('chat-workspace')).toContainText('Connected');
}

/**
 * Everything under `root` that hostile markup could use: dangerous elements, event-handler
 * attributes, script-capable URLs, inline styles in agent output, and links without
 * `noopener noreferrer`. Returns the problems found and how many agent links were checked.
 */
function audit(root: Locator): Promise<{ problems: string[]; agentLinks: number }> {
	return root.evaluate((element) => {
		const problems: string[] = [];
		const describe = (el: Element) => `<${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 120)}`;
		const anywhere =
			'script, iframe, frame, frameset, object, embed, applet, base, meta, link, style';
		for (const el of element.querySelectorAll(anywhere)) problems.push(`element ${describe(el)}`);
		// What the agent wrote (rendered markdown) may hold text formatting and links only.
		const agentHtml = '[data-testid="text-part"]';
		const notInAgentHtml =
			'form, input, button, textarea, select, img, image, svg, math, video, audio, source, track, picture, noscript, [style], [background], [poster], [srcset]';
		for (const part of element.querySelectorAll(agentHtml)) {
			for (const el of part.querySelectorAll(notInAgentHtml))
				problems.push(`in agent output: ${describe(el)}`);
		}
		for (const el of [element, ...element.querySelectorAll('*')]) {
			for (const attr of el.attributes) {
				// Browsers skip control characters and spaces in a URL's scheme.
				const squashed = [...attr.value]
					.filter(
						(c) => c.charCodeAt(0) > 0x20 && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f)
					)
					.join('')
					.toLowerCase();
				if (attr.name.startsWith('on')) problems.push(`handler ${attr.name} on ${describe(el)}`);
				else if (attr.name === 'srcdoc') problems.push(`srcdoc on ${describe(el)}`);
				else if (/^(javascript|data|vbscript):/.test(squashed))
					problems.push(`${attr.name}="${attr.value}" on ${describe(el)}`);
			}
		}
		const links = [...element.querySelectorAll(`${agentHtml} a[href]`)];
		for (const link of links) {
			const rel = (link.getAttribute('rel') ?? '').split(/\s+/);
			if (!rel.includes('noopener') || !rel.includes('noreferrer'))
				problems.push(`rel="${link.getAttribute('rel')}" on ${describe(link)}`);
			const href = link.getAttribute('href');
			if (href !== null && !/^(https?:|mailto:|[^:]*$)/i.test(href))
				problems.push(`href "${href}" on ${describe(link)}`);
		}
		return { problems, agentLinks: links.length };
	});
}

test('control: the recorder sees payloads that reach the page unsanitised', async ({ page }) => {
	for (const payload of XSS_PAYLOADS) {
		expect(payload.markdown, `payload ${payload.id} names itself`).toContain(payload.id);
	}
	expect(new Set(XSS_PAYLOADS.map((p) => p.id)).size).toBe(XSS_PAYLOADS.length);
	expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);

	const hits = await recordXss(page);
	await page.goto('/workspaces');
	await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();
	const live = XSS_PAYLOADS.filter((payload) => payload.firesWhenRaw);
	await page.evaluate(
		(html) => {
			const container = document.createElement('div');
			container.innerHTML = html.join('\n');
			document.body.append(container);
		},
		live.map((payload) => payload.markdown)
	);

	const reported = (id: string) =>
		hits.some((hit) => new RegExp(`(^|[^a-z0-9])${id}([^a-z0-9]|$)`).test(hit));
	await expect
		.poll(() => live.filter((payload) => !reported(payload.id)).map((payload) => payload.id))
		.toEqual([]);
});

test('hostile replies, prompts and titles render inert in the chat and the sessions list', async ({
	page
}) => {
	test.setTimeout(120_000);
	const hits = await recordXss(page);
	const workspace = workspaceFor(serverInfo, 'Hostile');
	await seedWorkspaces(page, [workspace]);
	await model.setTitle(TITLE_PAYLOAD);
	const sessionId = await createUntitledSession(serverInfo);
	await openChat(page, workspace, sessionId);
	const list = page.getByTestId('message-list');

	for (const [index, batch] of BATCHES.entries()) {
		const n = index + 1;
		await model.enqueueReplies({ text: batchReply(n, batch), chunkSize: 64 });
		await sendPrompt(page, promptPayload(n));
		const answer = chatMessages(page, 'assistant').filter({ hasText: batchEnd(n) });
		await expect(answer).toBeVisible();
		await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');

		// Prompts are shown as typed; every payload got its turn; code is shown as code.
		await expect(chatMessages(page, 'user').filter({ hasText: `Batch ${n} ` })).toHaveText(
			promptPayload(n)
		);
		const payloads = batchPayloads(batch);
		for (const payload of payloads) {
			await expect(answer).toContainText(payloadLabel(payload));
			if (payload.shownAsText) await expect(answer).toContainText(payload.shownAsText);
		}
		const { problems, agentLinks } = await audit(list);
		expect.soft(problems, `batch ${n}: ${payloads.map((p) => p.id).join(' ')}`).toEqual([]);
		// At least the harmless link of this batch was checked for its rel.
		expect(agentLinks).toBeGreaterThanOrEqual(1);
		expect.soft(hits, `batch ${n}`).toEqual([]);
	}

	// The title the model chose is shown as text, in the chat and in the tab.
	await expect(page.getByTestId('chat-title')).toHaveText(TITLE_PAYLOAD);
	await expect(page).toHaveTitle(`${TITLE_PAYLOAD} · Opencode SH`);

	// Loaded again from the server (not streamed): every reply, scrolled through, stays inert.
	await page.reload();
	await expect(
		page.getByTestId('text-part').filter({ hasText: batchEnd(BATCHES.length) })
	).toBeVisible();
	// Wheel input, as a user scrolls: it unpins the view from the end.
	await list.hover();
	await page.mouse.wheel(0, -1_000_000);
	await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0);
	const seen = new Set<string>();
	for (let step = 0; step < 100; step++) {
		const { problems } = await audit(list);
		expect.soft(problems, `after reload, scrolled to step ${step}`).toEqual([]);
		for (const text of await page.getByTestId('text-part').allTextContents()) {
			for (const n of BATCHES.keys()) if (text.includes(batchEnd(n + 1))) seen.add(batchEnd(n + 1));
		}
		const { top, atEnd, height } = await list.evaluate((el) => ({
			top: el.scrollTop,
			atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
			height: el.clientHeight
		}));
		if (atEnd) break;
		await page.mouse.wheel(0, height * 0.6);
		await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(top);
	}
	expect([...seen].sort()).toEqual(BATCHES.map((_, i) => batchEnd(i + 1)).sort());

	// The sessions list shows the same title as text.
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Sessions' })
		.click();
	const row = sessionRow(page, TITLE_PAYLOAD);
	await expect(row).toBeVisible();
	const { problems } = await audit(page.locator('main'));
	expect(problems).toEqual([]);
	await expect(page.locator('main b, main img')).toHaveCount(0);
	expect(hits).toEqual([]);
});

test('tool input, output and errors, and provider errors, are shown as text', async ({ page }) => {
	const hits = await recordXss(page);
	const workspace = workspaceFor(serverInfo, 'Hostile');
	await seedWorkspaces(page, [workspace]);
	const sessionId = await createUntitledSession(serverInfo);
	await openChat(page, workspace, sessionId);
	const list = page.getByTestId('message-list');
	const command = `cat <<'EOF'\n${TOOL_OUTPUT_PAYLOAD}\nEOF`;
	await model.enqueueReplies(
		{
			toolCall: {
				id: 'call_bash',
				name: 'bash',
				arguments: { command, description: TOOL_NAME_PAYLOAD }
			}
		},
		{ toolCall: { id: 'call_read', name: 'read', arguments: { filePath: TOOL_ERROR_PAYLOAD } } },
		{
			toolCall: { id: 'call_bad', name: TOOL_NAME_PAYLOAD, arguments: { x: TOOL_OUTPUT_PAYLOAD } }
		},
		'Tools done. Tool batch complete.'
	);

	await sendPrompt(page, 'Run the tools');
	await expect(
		page.getByTestId('text-part').filter({ hasText: 'Tool batch complete.' })
	).toBeVisible();
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');
	const bash = page.locator('[data-testid="tool-part"][data-tool="bash"]');
	await expect(bash).toHaveAttribute('data-status', 'completed');
	await expect(bash).toContainText(`cat <<'EOF'`);
	await expect(bash.getByTestId('tool-output')).toHaveText(`${TOOL_OUTPUT_PAYLOAD}\n`);
	const read = page.locator('[data-testid="tool-part"][data-tool="read"]');
	await expect(read).toHaveAttribute('data-status', 'error');
	await expect(read.getByTestId('tool-error')).toContainText(TOOL_ERROR_PAYLOAD);
	const invalid = page.locator('[data-testid="tool-part"][data-tool="invalid"]');
	await expect(invalid.getByTestId('tool-output')).toContainText(TOOL_NAME_PAYLOAD);

	await model.enqueueReplies({ error: { status: 400, message: PROVIDER_ERROR_PAYLOAD } });
	await sendPrompt(page, 'Fail, please');
	await expect(chatMessages(page, 'assistant').last().getByTestId('message-error')).toContainText(
		PROVIDER_ERROR_PAYLOAD
	);
	await expect(chatActivity(page)).toHaveAttribute('data-activity', 'idle');

	const { problems } = await audit(list);
	expect(problems).toEqual([]);
	await expect(list.locator('img, svg[onload], b')).toHaveCount(0);
	expect(hits).toEqual([]);
});
