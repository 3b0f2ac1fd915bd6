import type { FakeToolCall } from './fake-model-types.ts';

/** A reply reduced to what goes over the wire. */
export type WireReply = { text: string } | { toolCall: FakeToolCall };

/** One `data:` payload of a streamed answer; `paced` ones wait for the chunk delay first. */
export type StreamItem = { chunk: Record<string, unknown>; paced: boolean };

type Ids = { id: string; created: number; model: string };

/** The `chat.completion.chunk` objects of a streamed answer, in order (without `[DONE]`). */
export function streamItems(reply: WireReply, model: string, chunkSize: number): StreamItem[] {
	const ids = newIds(model);
	const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
		...envelope(ids, 'chat.completion.chunk'),
		choices: [{ index: 0, delta, finish_reason: finishReason }]
	});
	const items: StreamItem[] = [{ chunk: chunk({ role: 'assistant', content: '' }), paced: false }];
	if ('text' in reply) {
		for (const piece of splitText(reply.text, chunkSize)) {
			items.push({ chunk: chunk({ content: piece }), paced: true });
		}
	} else {
		items.push({
			chunk: chunk({ tool_calls: [{ index: 0, ...toolCallBody(reply.toolCall) }] }),
			paced: true
		});
	}
	items.push({ chunk: chunk({}, finishReason(reply)), paced: false });
	items.push({
		chunk: { ...envelope(ids, 'chat.completion.chunk'), choices: [], usage: usage(reply) },
		paced: false
	});
	return items;
}

/** A whole `chat.completion` object, for requests without `stream: true`. */
export function completion(reply: WireReply, model: string): Record<string, unknown> {
	const message =
		'text' in reply
			? { role: 'assistant', content: reply.text }
			: { role: 'assistant', content: null, tool_calls: [toolCallBody(reply.toolCall)] };
	return {
		...envelope(newIds(model), 'chat.completion'),
		choices: [{ index: 0, message, finish_reason: finishReason(reply) }],
		usage: usage(reply)
	};
}

function toolCallBody(call: FakeToolCall) {
	const args = typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
	return {
		id: call.id ?? 'call_1',
		type: 'function',
		function: { name: call.name, arguments: args }
	};
}

function finishReason(reply: WireReply): string {
	return 'text' in reply ? 'stop' : 'tool_calls';
}

function usage(reply: WireReply) {
	const completionTokens = 'text' in reply ? Math.max(1, Math.ceil(reply.text.length / 4)) : 10;
	return {
		prompt_tokens: 10,
		completion_tokens: completionTokens,
		total_tokens: 10 + completionTokens
	};
}

function splitText(text: string, size: number): string[] {
	const characters = Array.from(text);
	const pieces: string[] = [];
	for (let i = 0; i < characters.length; i += size) {
		pieces.push(characters.slice(i, i + size).join(''));
	}
	return pieces;
}

let counter = 0;

function newIds(model: string): Ids {
	counter += 1;
	return { id: `chatcmpl-fake-${counter}`, created: Math.floor(Date.now() / 1000), model };
}

function envelope(ids: Ids, object: string) {
	return { id: ids.id, object, created: ids.created, model: ids.model };
}
