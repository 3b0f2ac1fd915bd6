import { describe, expect, it } from 'vitest';
import { parseLiveEvent } from './live-event.ts';
import { readServerSentEvents } from './sse-reader.ts';

function body(chunks: string[], { fail = false } = {}) {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		start(controller) {
			chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
			if (fail) controller.error(new TypeError('terminated'));
			else controller.close();
		}
	});
}

describe('readServerSentEvents', () => {
	it('delivers whole events however the bytes are split, and counts every byte', async () => {
		const data: string[] = [];
		let bytes = 0;
		const chunks = ['data: {"a"', ':1}\n', '\n: a comment\n\ndata: ', 'ü\n\n'];
		await readServerSentEvents(body(chunks), {
			onData: (d) => data.push(d),
			onBytes: (n) => (bytes += n)
		});
		expect(data).toEqual(['{"a":1}', 'ü']);
		expect(bytes).toBe(new TextEncoder().encode(chunks.join('')).byteLength);
	});

	it('rejects when the connection breaks', async () => {
		const reading = readServerSentEvents(body(['data: x\n\n'], { fail: true }), {
			onData: () => {},
			onBytes: () => {}
		});
		await expect(reading).rejects.toThrow('terminated');
	});
});

describe('parseLiveEvent', () => {
	it('accepts opencode events, including the undocumented heartbeat', () => {
		expect(parseLiveEvent('{"type":"server.heartbeat","properties":{}}')).toEqual({
			type: 'server.heartbeat',
			properties: {}
		});
	});

	it.each(['not json', '42', 'null', '{"type":1,"properties":{}}', '{"type":"x"}'])(
		'refuses %s',
		(data) => expect(parseLiveEvent(data)).toBeUndefined()
	);
});
