import { createParser } from 'eventsource-parser';

/** Callbacks of {@link readServerSentEvents}. */
export type SseHandlers = {
	/** The `data` of each complete event. */
	onData(data: string): void;
	/** Every chunk received, before parsing: comments and keep-alives count as life too. */
	onBytes(byteCount: number): void;
};

/**
 * Reads a `text/event-stream` body to its end. Resolves when the server ends the stream;
 * rejects when the connection fails or is aborted.
 */
export async function readServerSentEvents(
	body: ReadableStream<Uint8Array>,
	handlers: SseHandlers
): Promise<void> {
	const decoder = new TextDecoder();
	const parser = createParser({ onEvent: (message) => handlers.onData(message.data) });
	const reader = body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			handlers.onBytes(value.byteLength);
			parser.feed(decoder.decode(value, { stream: true }));
		}
	} finally {
		reader.cancel().catch(() => {});
	}
}
