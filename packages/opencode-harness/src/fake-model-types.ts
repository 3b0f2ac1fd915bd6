/** A tool call the fake model asks opencode to run. */
export type FakeToolCall = {
	/** Tool name as opencode offers it, e.g. `bash`. */
	name: string;
	/** The tool's arguments; objects are JSON-encoded. */
	arguments: string | Record<string, unknown>;
	/** @default 'call_1' */
	id?: string;
};

/** Streaming pace; a reply may override the model-wide setting. */
export type FakeStreamOptions = {
	/** Characters per `delta.content` chunk. @default 8 */
	chunkSize?: number;
	/** Pause before each content chunk, in ms. @default 0 */
	chunkDelayMs?: number;
};

/**
 * What the fake model answers to one call: a text, a tool call, or an HTTP error.
 * Plain data, so it can also be sent over the control endpoint from another process.
 */
export type FakeReply =
	| string
	| ({ text: string } & FakeStreamOptions)
	| { toolCall: FakeToolCall }
	| { error: { status: number; message: string } };

/**
 * What kind of model call opencode made: `title` (no tools offered: the session title),
 * `tool-result` (the last message is a tool's output), otherwise `main`.
 */
export type FakeCallKind = 'title' | 'main' | 'tool-result';

/** One request the fake model received, recorded for assertions. */
export type FakeModelCall = {
	kind: FakeCallKind;
	/** Text of the last `role: 'user'` message ('' when there is none). */
	lastUserText: string;
	/** Whether the request asked for a streamed answer. */
	stream: boolean;
	/** The parsed request body as opencode sent it. */
	body: ChatRequestBody;
	/** `Date.now()` when the request arrived. */
	receivedAt: number;
	/** Text content streamed so far (grows while a streamed answer is under way). */
	sentText: string;
	/**
	 * `answering` while the answer is being written, `done` once it is complete, `disconnected`
	 * if the client hung up first (opencode does that on abort).
	 */
	outcome: 'answering' | 'done' | 'disconnected';
};

/** Chooses the reply for a `main` or `tool-result` call. */
export type FakeReplyFn = (call: FakeModelCall) => FakeReply;

/** The subset of an OpenAI chat completion request the fake model reads. */
export type ChatRequestBody = {
	model?: string;
	stream?: boolean;
	tools?: unknown[];
	messages?: ChatMessage[];
	[key: string]: unknown;
};

/** One message of an OpenAI chat completion request. */
export type ChatMessage = {
	role: string;
	content?: string | Array<{ type: string; text?: string }> | null;
	[key: string]: unknown;
};
