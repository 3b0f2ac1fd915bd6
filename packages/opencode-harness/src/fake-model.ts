import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { completion, streamItems, type WireReply } from './fake-model-chunks.ts';
import { FakeModelState, type FakeModelSettings } from './fake-model-state.ts';
import type { ChatRequestBody, FakeModelCall } from './fake-model-types.ts';
import { handleControl } from './fake-model-control-routes.ts';
import { readBody, sendJson } from './http-body.ts';

/** Options of {@link startFakeModel}; all of them can be changed later on the returned model. */
export type FakeModelOptions = Partial<FakeModelSettings> & {
	/** @default a free port */
	port?: number;
};

/** A running fake model: an OpenAI-compatible chat completions server on 127.0.0.1. */
export type FakeModel = Pick<
	FakeModelState,
	'requests' | 'setReply' | 'enqueueReplies' | 'setTitle' | 'setStream' | 'reset'
> & {
	/** `http://127.0.0.1:PORT`; the control routes live under `/__control/`. */
	url: string;
	/** `http://127.0.0.1:PORT/v1`, the provider `baseURL` opencode needs. */
	apiUrl: string;
	port: number;
	/** Stops the server and drops open connections. */
	close(): Promise<void>;
};

/** Model name reported in answers when the request names none. */
const MODEL = 'fake-model';

/**
 * Starts a fake model answering `POST /v1/chat/completions`, streamed or not. Title calls get
 * the title text; other calls get the queued, configured or computed reply. Every call is
 * recorded in `requests`.
 */
export async function startFakeModel(options: FakeModelOptions = {}): Promise<FakeModel> {
	const { port: wantedPort = 0, ...settings } = options;
	const state = new FakeModelState(settings);
	const server = createServer((req, res) => {
		route(state, req, res).catch((error: unknown) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: { message: String(error) } }));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(wantedPort, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		apiUrl: `${url}/v1`,
		port,
		get requests() {
			return state.requests;
		},
		setReply: (reply) => state.setReply(reply),
		enqueueReplies: (...replies) => state.enqueueReplies(...replies),
		setTitle: (title) => state.setTitle(title),
		setStream: (stream) => state.setStream(stream),
		reset: () => state.reset(),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

async function route(state: FakeModelState, req: IncomingMessage, res: ServerResponse) {
	const path = new URL(req.url ?? '/', 'http://localhost').pathname;
	if (path.startsWith('/__control/')) return handleControl(state, path, req, res);
	if (req.method === 'POST' && path === '/v1/chat/completions') {
		return answerChat(state, JSON.parse(await readBody(req)) as ChatRequestBody, res);
	}
	if (req.method === 'GET' && path === '/v1/models') {
		return sendJson(res, 200, { object: 'list', data: [{ id: MODEL, object: 'model' }] });
	}
	sendJson(res, 404, { error: { message: `No route ${req.method} ${path}` } });
}

async function answerChat(state: FakeModelState, body: ChatRequestBody, res: ServerResponse) {
	const call = state.record(body);
	const reply = state.replyFor(call);
	const model = body.model ?? MODEL;
	if ('error' in reply) {
		sendJson(res, reply.error.status, { error: { message: reply.error.message } });
	} else if (!call.stream) {
		sendJson(res, 200, completion(reply, model));
		if ('text' in reply) call.sentText = reply.text;
	} else {
		await streamReply(state, call, reply, model, res);
	}
	if (call.outcome === 'answering') call.outcome = 'done';
}

async function streamReply(
	state: FakeModelState,
	call: FakeModelCall,
	reply: WireReply,
	model: string,
	res: ServerResponse
) {
	const pace = state.paceFor(reply, call);
	let closed = false;
	res.on('close', () => (closed = true));
	res.writeHead(200, {
		'content-type': 'text/event-stream',
		'cache-control': 'no-cache',
		connection: 'keep-alive'
	});
	for (const item of streamItems(reply, model, pace.chunkSize)) {
		if (item.paced && pace.chunkDelayMs > 0) await sleep(pace.chunkDelayMs);
		// opencode hung up (an abort): stop talking, as a real provider would.
		if (closed) {
			call.outcome = 'disconnected';
			return;
		}
		res.write(`data: ${JSON.stringify(item.chunk)}\n\n`);
		call.sentText += contentOf(item.chunk);
	}
	res.end('data: [DONE]\n\n');
}

function contentOf(chunk: Record<string, unknown>): string {
	const choices = chunk.choices as { delta?: { content?: unknown } }[] | undefined;
	const content = choices?.[0]?.delta?.content;
	return typeof content === 'string' ? content : '';
}
