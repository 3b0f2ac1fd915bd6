import type { OpencodeServer, FakeModel } from '@repo/opencode-harness';

/** What a real opencode server answered about one session with a tool call, for replaying. */
export type Recording = {
	version: string;
	session: Record<string, unknown>;
	/** `GET /session/{id}/message`: user → assistant (tool part) → assistant (text). */
	messages: Message[];
	/** Events seen on `GET /event` while the prompt ran, in order. */
	events: { type: string; properties: Record<string, unknown> }[];
	/** Verbatim answers to other GETs the UIs make (`/agent`, `/config/providers`...). */
	gets: Record<string, unknown>;
	/** Response headers of a paged message request, e.g. `x-next-cursor`. */
	pagedHeaders: Record<string, string>;
};

/** One message as `GET /session/{id}/message` returns it. */
export type Message = {
	info: { id: string; sessionID: string; role: string; [key: string]: unknown };
	parts: {
		id: string;
		messageID: string;
		sessionID: string;
		type: string;
		[key: string]: unknown;
	}[];
};

/** GETs answered verbatim by the replay server (besides the session routes it synthesises). */
const RECORDED_GETS = [
	'/global/health',
	'/config/providers',
	'/agent',
	'/config',
	'/provider',
	'/command',
	'/path',
	'/project/current',
	'/project',
	'/vcs',
	'/permission',
	'/question',
	'/lsp',
	'/formatter',
	'/mcp'
];

const REPLY_TEXT = [
	'Ran it. Here is a summary with some **markdown** and `code`:',
	'',
	'- first point about the output',
	'- second point, a little longer, so the line wraps in a narrow window',
	'',
	'```ts',
	'const answer = 42;',
	'```'
].join('\n');

/**
 * Prompts a real server once with a bash tool call (allowed without asking) followed by a
 * markdown reply, and records the session, its messages, the event stream and other GETs.
 */
export async function recordSession(server: OpencodeServer, model: FakeModel): Promise<Recording> {
	const api = (path: string, init: RequestInit = {}) =>
		fetch(`${server.url}${path}`, {
			...init,
			headers: { ...server.headers, 'content-type': 'application/json' },
			signal: AbortSignal.timeout(60_000)
		});
	const events: Recording['events'] = [];
	const stream = new AbortController();
	const streamDone = readEvents(server, stream.signal, (event) => events.push(event));

	const session = (await (await api('/session', { method: 'POST', body: '{}' })).json()) as {
		id: string;
	};
	model.enqueueReplies(
		{ toolCall: { name: 'bash', arguments: { command: 'echo hi', description: 'Say hi' } } },
		{ text: REPLY_TEXT, chunkSize: 16 }
	);
	const prompt = await api(`/session/${session.id}/message`, {
		method: 'POST',
		body: JSON.stringify({ parts: [{ type: 'text', text: 'Run echo hi and summarise.' }] })
	});
	if (!prompt.ok) throw new Error(`prompt: ${prompt.status} ${await prompt.text()}`);
	await prompt.body?.cancel();
	// Let the trailing events (idle, title update) arrive.
	await new Promise((resolve) => setTimeout(resolve, 1_500));
	stream.abort();
	await streamDone;

	const messages = (await (await api(`/session/${session.id}/message`)).json()) as Message[];
	const paged = await api(`/session/${session.id}/message?limit=1`);
	await paged.body?.cancel();
	const pagedHeaders = Object.fromEntries(paged.headers.entries());
	const gets: Record<string, unknown> = {};
	for (const path of RECORDED_GETS) {
		const response = await api(path);
		if (response.ok && response.headers.get('content-type')?.includes('json')) {
			gets[path] = await response.json();
		} else await response.body?.cancel();
	}
	const detail = (await (await api(`/session/${session.id}`)).json()) as Record<string, unknown>;
	const health = gets['/global/health'] as { version: string };
	return { version: health.version, session: detail, messages, events, gets, pagedHeaders };
}

async function readEvents(
	server: OpencodeServer,
	signal: AbortSignal,
	onEvent: (event: Recording['events'][number]) => void
) {
	try {
		const response = await fetch(`${server.url}/event`, { headers: server.headers, signal });
		const decoder = new TextDecoder();
		let buffer = '';
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
			buffer += decoder.decode(chunk, { stream: true });
			let end;
			while ((end = buffer.indexOf('\n\n')) !== -1) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = block
					.split('\n')
					.filter((line) => line.startsWith('data:'))
					.map((line) => line.slice(5).trim())
					.join('\n');
				if (data) onEvent(JSON.parse(data));
			}
		}
	} catch {
		// Aborted: recording is over.
	}
}
