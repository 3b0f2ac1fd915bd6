import type { LiveEvent } from '$lib/live/live-event.ts';

/** A scripted opencode server for unit tests of the live layer (no network involved). */

/** An open `GET /event` answer the test writes to. */
export type FakeStream = {
	send(event: LiveEvent | Record<string, unknown>): void;
	/** Raw bytes, e.g. an SSE comment line. */
	write(text: string): void;
	/** The server ends the stream. */
	end(): void;
	/** The connection breaks. */
	fail(): void;
	/** Whether the client is gone (it aborted) or the server ended it. */
	readonly closed: boolean;
};

type Answer = (request: Request) => Response | Promise<Response>;

/** An answer that never comes, failing like fetch when the request is aborted. */
export function noAnswer(request: Request): Promise<Response> {
	return new Promise((_, reject) => {
		const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
		if (request.signal.aborted) fail();
		request.signal.addEventListener('abort', fail);
	});
}

/** A network failure, as fetch reports one. */
export function networkDown(): Promise<Response> {
	return Promise.reject(new TypeError('fetch failed'));
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}

/**
 * A server whose `/global/health` and `/event` answers the test can change. By default it is
 * healthy (version 1.18.33) and every `/event` request gets a new {@link FakeStream}.
 */
export function createFakeServer() {
	const requests: Request[] = [];
	const streams: FakeStream[] = [];
	let health: Answer = () => json({ healthy: true, version: '1.18.33' });
	let events: Answer = (request) => openStream(request);

	function openStream(request: Request, { greet = true } = {}): Response {
		const encoder = new TextEncoder();
		let closed = false;
		let controller!: ReadableStreamDefaultController<Uint8Array>;
		const body = new ReadableStream<Uint8Array>({
			start: (c) => void (controller = c),
			cancel: () => void (closed = true)
		});
		const stream: FakeStream = {
			send: (event) => stream.write(`data: ${JSON.stringify(event)}\n\n`),
			write: (text) => {
				if (!closed) controller.enqueue(encoder.encode(text));
			},
			end: () => {
				if (closed) return;
				closed = true;
				controller.close();
			},
			fail: () => {
				if (closed) return;
				closed = true;
				controller.error(new TypeError('terminated'));
			},
			get closed() {
				return closed;
			}
		};
		request.signal.addEventListener('abort', () => {
			if (closed) return;
			closed = true;
			controller.error(new DOMException('The operation was aborted.', 'AbortError'));
		});
		streams.push(stream);
		if (greet) stream.send({ id: 'evt_0', type: 'server.connected', properties: {} });
		return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
	}

	return {
		requests,
		streams,
		fetch: async (request: Request): Promise<Response> => {
			requests.push(request);
			const path = new URL(request.url).pathname;
			if (path === '/global/health') return health(request);
			if (path === '/event') return events(request);
			return json({ name: 'NotFoundError', data: { message: 'no such route' } }, 404);
		},
		/** Changes how `/global/health` answers. */
		answerHealth(answer: Answer) {
			health = answer;
		},
		/** Changes how `/event` answers. */
		answerEvents(answer: Answer) {
			events = answer;
		},
		openStream,
		/** Requests made to `path`. */
		count: (path: string) => requests.filter((r) => new URL(r.url).pathname === path).length,
		/** The stream most recently opened. */
		get stream(): FakeStream | undefined {
			return streams.at(-1);
		},
		openStreams: () => streams.filter((s) => !s.closed)
	};
}

export type FakeServer = ReturnType<typeof createFakeServer>;
