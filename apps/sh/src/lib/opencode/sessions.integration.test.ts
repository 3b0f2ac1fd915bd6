import { startHarness, waitFor, type Harness } from '@repo/opencode-harness';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, unwrap } from './call.ts';
import { createClient, type OpencodeClient } from './client.ts';
import type { components } from './generated/schema.d.ts';

type MessageWithParts = {
	info: components['schemas']['Message'];
	parts: components['schemas']['Part'][];
};

let harness: Harness;
let client: OpencodeClient;
// A synchronous prompt answers only when the whole reply is done: allow it more than 10 s.
let patientClient: OpencodeClient;

beforeAll(async () => {
	harness = await startHarness({
		servers: [
			{ username: 'sessions', password: 'sessions-pw', config: { permission: { bash: 'ask' } } }
		]
	});
	const server = harness.servers[0]!;
	const connection = {
		id: 'sessions',
		url: server.url,
		username: server.username,
		password: server.password ?? ''
	};
	client = createClient(connection);
	patientClient = createClient(connection, { timeoutMs: 60_000 });
});
afterAll(() => harness?.stop());
beforeEach(() => harness.model.reset());

const path = (sessionID: string) => ({ params: { path: { sessionID } } });

async function newSession(title?: string) {
	return unwrap(client.POST('/session', { body: title ? { title } : {} }));
}

async function messages(sessionID: string): Promise<MessageWithParts[]> {
	return unwrap(client.GET('/session/{sessionID}/message', path(sessionID)));
}

function assistantText(message: MessageWithParts | undefined): string {
	return (message?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}

describe('sessions', () => {
	it('creates, lists, gets, renames and deletes a session', async () => {
		const created = await newSession('First title');
		expect(created.title).toBe('First title');
		expect(created.directory).toBe(harness.servers[0]!.projectDir);

		const list = await unwrap(client.GET('/session'));
		expect(list.map((s) => s.id)).toContain(created.id);

		const fetched = await unwrap(client.GET('/session/{sessionID}', path(created.id)));
		expect(fetched).toMatchObject({ id: created.id, title: 'First title' });

		const renamed = await unwrap(
			client.PATCH('/session/{sessionID}', { ...path(created.id), body: { title: 'Renamed' } })
		);
		expect(renamed.title).toBe('Renamed');
		const refetched = await unwrap(client.GET('/session/{sessionID}', path(created.id)));
		expect(refetched.title).toBe('Renamed');

		expect(await unwrap(client.DELETE('/session/{sessionID}', path(created.id)))).toBe(true);
		const gone = await call(client.GET('/session/{sessionID}', path(created.id)));
		expect(gone).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404 } });
		expect(!gone.ok && gone.error.description).toContain(created.id);
	});
});

describe('prompts', () => {
	it('answers a synchronous prompt with the fake model reply', async () => {
		harness.model.setReply((request) => `echo: ${request.lastUserText}`);
		const session = await newSession();
		const answer = await unwrap(
			patientClient.POST('/session/{sessionID}/message', {
				...path(session.id),
				body: { parts: [{ type: 'text', text: 'ping sync' }] }
			})
		);
		expect(answer.info.role).toBe('assistant');
		expect(answer.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')).toBe(
			'echo: ping sync'
		);
		const main = harness.model.requests.find((r) => r.kind === 'main');
		expect(main?.lastUserText).toBe('ping sync');
	});

	it('accepts prompt_async at once and the reply shows up in the message list', async () => {
		harness.model.setReply((request) => `echo: ${request.lastUserText}`);
		const session = await newSession();
		const accepted = await call(
			client.POST('/session/{sessionID}/prompt_async', {
				...path(session.id),
				body: { parts: [{ type: 'text', text: 'ping async' }] }
			})
		);
		expect(accepted).toEqual({ ok: true, data: undefined });

		const reply = await waitFor(
			async () => {
				const list = await messages(session.id);
				const last = list.at(-1);
				return last?.info.role === 'assistant' && last.info.time.completed ? last : undefined;
			},
			{ timeoutMs: 30_000, description: 'the assistant reply' }
		);
		expect(assistantText(reply)).toBe('echo: ping async');
	});

	it('abort mid-reply keeps the partial text and marks the message aborted', async () => {
		const full = 'This reply streams slowly, one small piece at a time, so it can be aborted.';
		harness.model.setReply({ text: full, chunkSize: 3, chunkDelayMs: 150 });
		const session = await newSession();
		await unwrap(
			client.POST('/session/{sessionID}/prompt_async', {
				...path(session.id),
				body: { parts: [{ type: 'text', text: 'talk slowly' }] }
			})
		);
		const modelCall = await waitFor(
			() => harness.model.requests.find((r) => r.kind === 'main' && r.sentText.length >= 6),
			{ timeoutMs: 30_000, description: 'the first pieces of the reply' }
		);

		expect(await unwrap(client.POST('/session/{sessionID}/abort', path(session.id)))).toBe(true);

		const aborted = await waitFor(
			async () => {
				const last = (await messages(session.id)).at(-1);
				return last?.info.role === 'assistant' && last.info.error ? last : undefined;
			},
			{ timeoutMs: 15_000, description: 'the aborted assistant message' }
		);
		const info = aborted.info as components['schemas']['AssistantMessage'];
		expect(info.error?.name).toBe('MessageAbortedError');
		const partial = assistantText(aborted);
		expect(partial.length).toBeGreaterThan(0);
		expect(partial.length).toBeLessThan(full.length);
		expect(full.startsWith(partial)).toBe(true);
		// opencode hung up on the model instead of letting it finish.
		await waitFor(() => modelCall.outcome === 'disconnected', { description: 'the hang-up' });
	});
});

describe('tool calls', () => {
	it('waits for permission, runs the tool once allowed, then finishes with text', async () => {
		harness.model.setReply({
			toolCall: { name: 'bash', arguments: { command: 'echo hi', description: 'Say hi' } }
		});
		const session = await newSession();
		await unwrap(
			client.POST('/session/{sessionID}/prompt_async', {
				...path(session.id),
				body: { parts: [{ type: 'text', text: 'run echo' }] }
			})
		);
		const request = await waitFor(
			async () => (await unwrap(client.GET('/permission'))).find((p) => p.sessionID === session.id),
			{ timeoutMs: 30_000, description: 'the permission request' }
		);
		expect(request.permission).toBe('bash');

		const replied = await call(
			client.POST('/permission/{requestID}/reply', {
				params: { path: { requestID: request.id } },
				body: { reply: 'once' }
			})
		);
		expect(replied).toEqual({ ok: true, data: true });

		const final = await waitFor(
			async () => {
				const last = (await messages(session.id)).at(-1);
				return last?.info.role === 'assistant' && assistantText(last) ? last : undefined;
			},
			{ timeoutMs: 30_000, description: 'the text after the tool' }
		);
		expect(assistantText(final)).toBe('The tool has finished.');
		const tool = (await messages(session.id))
			.flatMap((m) => m.parts)
			.find((p) => p.type === 'tool');
		expect(tool?.type === 'tool' && tool.state.status).toBe('completed');
		expect(tool?.type === 'tool' && tool.state.status === 'completed' && tool.state.output).toBe(
			'hi\n'
		);
		expect(harness.model.requests.map((r) => r.kind)).toEqual(['title', 'main', 'tool-result']);
	});
});
