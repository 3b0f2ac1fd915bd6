import type { WireReply } from './fake-model-chunks.ts';
import type {
	ChatMessage,
	ChatRequestBody,
	FakeCallKind,
	FakeModelCall,
	FakeReply,
	FakeReplyFn,
	FakeStreamOptions
} from './fake-model-types.ts';

/** The fake model's adjustable behaviour. */
export type FakeModelSettings = {
	/** Answer to `main` and `tool-result` calls. @default 'Hello from the fake model.' */
	reply: FakeReply | FakeReplyFn;
	/** Answer to title calls. @default 'Fake session' */
	title: string;
	/**
	 * Answer to a `tool-result` call when `reply` is a fixed tool call (answering it again would
	 * loop forever). @default 'The tool has finished.'
	 */
	afterToolText: string;
} & Required<FakeStreamOptions>;

const DEFAULTS: FakeModelSettings = {
	reply: 'Hello from the fake model.',
	title: 'Fake session',
	afterToolText: 'The tool has finished.',
	chunkSize: 8,
	chunkDelayMs: 0
};

/** What the fake model answers next, and what it has been asked so far. */
export class FakeModelState {
	/** Every call received, oldest first. */
	readonly requests: FakeModelCall[] = [];
	#settings: FakeModelSettings;
	#initial: FakeModelSettings;
	#queue: FakeReply[] = [];

	constructor(settings: Partial<FakeModelSettings>) {
		this.#initial = { ...DEFAULTS, ...settings };
		this.#settings = { ...this.#initial };
	}

	/** Sets the answer to every later `main`/`tool-result` call (after queued replies). */
	setReply(reply: FakeReply | FakeReplyFn): void {
		this.#settings.reply = reply;
	}

	/** Queues one-off answers for the next `main`/`tool-result` calls, in order. */
	enqueueReplies(...replies: FakeReply[]): void {
		this.#queue.push(...replies);
	}

	/** Sets the answer to title calls. */
	setTitle(title: string): void {
		this.#settings.title = title;
	}

	/** Sets the streaming pace of later answers. */
	setStream(stream: FakeStreamOptions): void {
		Object.assign(this.#settings, stream);
	}

	/** Back to the start-up settings; forgets queued replies and recorded requests. */
	reset(): void {
		this.#settings = { ...this.#initial };
		this.#queue = [];
		this.requests.length = 0;
	}

	/** Records an incoming request and classifies it. */
	record(body: ChatRequestBody): FakeModelCall {
		const messages = body.messages ?? [];
		const call: FakeModelCall = {
			kind: callKind(body, messages),
			lastUserText: lastUserText(messages),
			stream: body.stream === true,
			body,
			receivedAt: Date.now(),
			sentText: '',
			outcome: 'answering'
		};
		this.requests.push(call);
		return call;
	}

	/** The answer to a recorded call. */
	replyFor(call: FakeModelCall): WireReply | { error: { status: number; message: string } } {
		if (call.kind === 'title') return { text: this.#settings.title };
		const queued = this.#queue.shift();
		if (queued !== undefined) return normalise(queued);
		const { reply } = this.#settings;
		const chosen = typeof reply === 'function' ? reply(call) : reply;
		if (typeof reply !== 'function' && call.kind === 'tool-result' && isToolCall(chosen)) {
			return { text: this.#settings.afterToolText };
		}
		return normalise(chosen);
	}

	/** Chunk size and delay for a reply: its own, else the model-wide setting. */
	paceFor(reply: WireReply, call: FakeModelCall): Required<FakeStreamOptions> {
		const own = 'text' in reply && call.kind !== 'title' ? (reply as FakeStreamOptions) : {};
		return {
			chunkSize: Math.max(1, own.chunkSize ?? this.#settings.chunkSize),
			chunkDelayMs: own.chunkDelayMs ?? this.#settings.chunkDelayMs
		};
	}
}

function normalise(reply: FakeReply): WireReply | { error: { status: number; message: string } } {
	return typeof reply === 'string' ? { text: reply } : reply;
}

function isToolCall(reply: FakeReply): boolean {
	return typeof reply === 'object' && 'toolCall' in reply;
}

function callKind(body: ChatRequestBody, messages: ChatMessage[]): FakeCallKind {
	if (!body.tools || body.tools.length === 0) return 'title';
	return messages.at(-1)?.role === 'tool' ? 'tool-result' : 'main';
}

function lastUserText(messages: ChatMessage[]): string {
	const message = [...messages].reverse().find((m) => m.role === 'user');
	if (!message || message.content == null) return '';
	if (typeof message.content === 'string') return message.content;
	return message.content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}
