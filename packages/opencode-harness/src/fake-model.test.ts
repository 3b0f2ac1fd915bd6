import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeModelControl } from './fake-model-control.ts';
import { startFakeModel, type FakeModel } from './fake-model.ts';

const TOOLS = [{ type: 'function', function: { name: 'bash', parameters: {} } }];

let model: FakeModel;

beforeAll(async () => {
	model = await startFakeModel({ reply: 'Hello there, world' });
});
afterAll(() => model.close());
beforeEach(() => model.reset());

function chat(body: Record<string, unknown>) {
	return fetch(`${model.apiUrl}/chat/completions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ model: 'fake-model', ...body })
	});
}

async function streamed(body: Record<string, unknown>) {
	const text = await (await chat({ stream: true, ...body })).text();
	const data = text
		.split('\n')
		.filter((line) => line.startsWith('data: '))
		.map((line) => line.slice('data: '.length));
	expect(data.at(-1)).toBe('[DONE]');
	return data.slice(0, -1).map((line) => JSON.parse(line));
}

const user = (text: string) => ({ messages: [{ role: 'user', content: text }], tools: TOOLS });

describe('fake model', () => {
	it('streams role, content pieces, stop and usage chunks', async () => {
		model.setStream({ chunkSize: 5 });
		const chunks = await streamed(user('hi'));
		expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
		const pieces = chunks.flatMap((c) =>
			c.choices[0]?.delta.content ? [c.choices[0].delta.content] : []
		);
		expect(pieces).toEqual(['Hello', ' ther', 'e, wo', 'rld']);
		expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
		expect(chunks.at(-1).usage.total_tokens).toBeGreaterThan(0);
		expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
	});

	it('answers without streaming too', async () => {
		const body = await (await chat(user('hi'))).json();
		expect(body.object).toBe('chat.completion');
		expect(body.choices[0].message).toEqual({ role: 'assistant', content: 'Hello there, world' });
	});

	it('answers title calls (no tools) with the title and records the call kinds', async () => {
		model.setTitle('A title');
		const chunks = await streamed({ messages: [{ role: 'user', content: 'name this' }] });
		expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('A title');
		await streamed(user('main'));
		expect(model.requests.map((r) => [r.kind, r.lastUserText])).toEqual([
			['title', 'name this'],
			['main', 'main']
		]);
	});

	it('calls a tool, then answers the tool result with text', async () => {
		model.setReply({ toolCall: { name: 'bash', arguments: { command: 'echo hi' } } });
		const first = await streamed(user('run it'));
		const call = first.find((c) => c.choices[0]?.delta.tool_calls)!.choices[0].delta.tool_calls[0];
		expect(call).toEqual({
			index: 0,
			id: 'call_1',
			type: 'function',
			function: { name: 'bash', arguments: '{"command":"echo hi"}' }
		});
		expect(first.at(-2).choices[0].finish_reason).toBe('tool_calls');

		const second = await streamed({
			messages: [
				{ role: 'user', content: 'run it' },
				{ role: 'tool', tool_call_id: 'call_1', content: 'hi' }
			],
			tools: TOOLS
		});
		expect(second.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(
			'The tool has finished.'
		);
		expect(model.requests.map((r) => r.kind)).toEqual(['main', 'tool-result']);
	});

	it('computes replies from the request and serves queued ones first', async () => {
		model.setReply((call) => `echo: ${call.lastUserText}`);
		model.enqueueReplies('first', { text: 'second' });
		const texts = [];
		for (const prompt of ['a', 'b', 'c']) {
			const body = await (await chat(user(prompt))).json();
			texts.push(body.choices[0].message.content);
		}
		expect(texts).toEqual(['first', 'second', 'echo: c']);
	});

	it('answers with an HTTP error when told to', async () => {
		model.setReply({ error: { status: 429, message: 'slow down' } });
		const response = await chat(user('hi'));
		expect(response.status).toBe(429);
		expect((await response.json()).error.message).toBe('slow down');
	});

	it('can be steered from another process through its control routes', async () => {
		const control = fakeModelControl(model.url);
		await control.setReply('remote reply');
		await control.setTitle('remote title');
		const body = await (await chat(user('hi'))).json();
		expect(body.choices[0].message.content).toBe('remote reply');
		const recorded = await control.requests();
		expect(recorded.map((r) => r.lastUserText)).toEqual(['hi']);
		await control.reset();
		expect(model.requests).toHaveLength(0);
	});
});
