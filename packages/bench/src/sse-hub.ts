import type { IncomingMessage, ServerResponse } from 'node:http';

/** An opencode event: `{ id, type, properties }`. */
export type BenchEvent = { id?: string; type: string; properties: Record<string, unknown> };

/**
 * The clients of one replay server's event streams: `/event` gets events as they are,
 * `/global/event` gets them wrapped as `{ directory, payload }`, as opencode sends them.
 */
export class SseHub {
	#local = new Set<ServerResponse>();
	#global = new Set<ServerResponse>();
	#heartbeat: NodeJS.Timeout;
	#eventCounter = 0;

	constructor(private directory: string) {
		this.#heartbeat = setInterval(
			() => this.send({ type: 'server.heartbeat', properties: {} }),
			10_000
		);
	}

	/** How many streams are open, by kind. */
	get counts() {
		return { local: this.#local.size, global: this.#global.size };
	}

	/** Takes a `GET /event` or `GET /global/event` request and keeps its response open. */
	open(
		req: IncomingMessage,
		res: ServerResponse,
		global: boolean,
		headers: Record<string, string>
	) {
		res.writeHead(200, {
			...headers,
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			connection: 'keep-alive'
		});
		const set = global ? this.#global : this.#local;
		set.add(res);
		req.on('close', () => set.delete(res));
		this.#write(res, global, { type: 'server.connected', properties: {} });
	}

	/** Sends one event to every open stream. */
	send(event: BenchEvent) {
		const full = { id: event.id ?? `evt_bench${++this.#eventCounter}`, ...event };
		for (const res of this.#local) this.#write(res, false, full);
		for (const res of this.#global) this.#write(res, true, full);
	}

	#write(res: ServerResponse, global: boolean, event: BenchEvent) {
		const body = global ? { directory: this.directory, payload: event } : event;
		res.write(`data: ${JSON.stringify(body)}\n\n`);
	}

	/** Ends every stream. */
	close() {
		clearInterval(this.#heartbeat);
		for (const res of [...this.#local, ...this.#global]) res.end();
	}
}
