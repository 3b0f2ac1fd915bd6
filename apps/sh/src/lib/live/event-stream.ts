import { call, type OpencodeClient } from '$lib/opencode/index.ts';
import { parseLiveEvent, type LiveEvent } from './live-event.ts';
import { outcomeOfError } from './probe-outcome.ts';
import { readServerSentEvents } from './sse-reader.ts';

/** Options of {@link runEventStream}. */
export type EventStreamOptions = {
	/** A client made with `timeoutMs: 0`: the stream is meant to stay open. */
	client: OpencodeClient;
	/** Aborting it closes the stream; the result is then `aborted`. */
	signal: AbortSignal;
	now: () => number;
	/** Time allowed from the request to the first event. */
	firstEventTimeoutMs: number;
	/** An open stream that receives no bytes for this long is dead. */
	heartbeatTimeoutMs: number;
	/** The first event arrived: the stream works. */
	onOpen(): void;
	onEvent(event: LiveEvent): void;
};

/** Why {@link runEventStream} returned. `openedAt` is set when the stream had opened. */
export type StreamEnd =
	| { kind: 'dropped'; reason: string; openedAt?: number }
	| { kind: 'unauthorized' }
	| { kind: 'incompatible'; reason: string }
	| { kind: 'aborted'; openedAt?: number };

/**
 * Opens `GET /event` and delivers its events until it ends, fails, falls silent for longer
 * than `heartbeatTimeoutMs` (the server sends a heartbeat every 10 s), or `signal` aborts.
 */
export async function runEventStream(options: EventStreamOptions): Promise<StreamEnd> {
	const { signal, now } = options;
	if (signal.aborted) return { kind: 'aborted' };
	const controller = new AbortController();
	let ending: StreamEnd | undefined;
	let openedAt: number | undefined;
	const end = (why: StreamEnd) => {
		ending ??= why;
		controller.abort();
	};
	const onAbort = () => end({ kind: 'aborted' });
	signal.addEventListener('abort', onAbort, { once: true });

	let lastByteAt = now();
	const watch = () => {
		const silent = now() - lastByteAt;
		if (silent < options.heartbeatTimeoutMs) {
			timer = setTimeout(watch, options.heartbeatTimeoutMs - silent);
		} else {
			end({ kind: 'dropped', reason: `No data for ${Math.round(silent / 1000)} s.` });
		}
	};
	let timer = setTimeout(
		() => end({ kind: 'dropped', reason: 'The event stream sent nothing.' }),
		options.firstEventTimeoutMs
	);

	const onData = (data: string) => {
		const event = parseLiveEvent(data);
		if (openedAt === undefined) {
			if (!event) {
				end({ kind: 'incompatible', reason: 'The event stream is not in opencode’s format.' });
				return;
			}
			openedAt = now();
			clearTimeout(timer);
			timer = setTimeout(watch, options.heartbeatTimeoutMs);
			options.onOpen();
		}
		if (!event) return;
		try {
			options.onEvent(event);
		} catch (error) {
			// One event the cache could not take must not cost the connection.
			console.error(`Could not apply the ${event.type} event:`, error);
		}
	};

	try {
		const result = await call(
			options.client.GET('/event', { parseAs: 'stream', signal: controller.signal })
		);
		if (ending) return withOpenedAt(ending, openedAt);
		if (!result.ok) {
			const outcome = outcomeOfError(result.error);
			return outcome.kind === 'down' ? { kind: 'dropped', reason: outcome.reason } : outcome;
		}
		if (!result.data) return { kind: 'incompatible', reason: 'The event stream has no body.' };
		await readServerSentEvents(result.data, {
			onBytes: () => (lastByteAt = now()),
			onData
		});
		return withOpenedAt(
			ending ?? { kind: 'dropped', reason: 'The server closed the stream.' },
			openedAt
		);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return withOpenedAt(ending ?? { kind: 'dropped', reason }, openedAt);
	} finally {
		clearTimeout(timer);
		signal.removeEventListener('abort', onAbort);
		controller.abort();
	}
}

function withOpenedAt(end: StreamEnd, openedAt: number | undefined): StreamEnd {
	return openedAt !== undefined && (end.kind === 'dropped' || end.kind === 'aborted')
		? { ...end, openedAt }
		: end;
}
