import {
	createServer,
	request as httpRequest,
	type IncomingMessage,
	type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Recording } from './record.ts';
import { SseHub } from './sse-hub.ts';
import type { SyntheticSession } from './synthetic.ts';

/** Options of {@link startReplayServer}. */
export type ReplayOptions = {
	recording: Recording;
	sessions: SyntheticSession[];
	/**
	 * A real opencode server that answers every route the replay does not know (the embedded
	 * web UI and its assets, `/provider`, `/lsp`...), with these headers added (its auth).
	 */
	upstream: { url: string; headers: Record<string, string> };
};

/** A running replay server. */
export type ReplayServer = {
	url: string;
	port: number;
	hub: SseHub;
	sessions: SyntheticSession[];
	/** Paths that went to the upstream server, for the report. */
	proxied: Set<string>;
	close(): Promise<void>;
};

/**
 * Answers opencode's session routes from synthetic sessions, streams events it is told to send
 * on `/event` and `/global/event`, and hands everything else to a real opencode server.
 * CORS like opencode: the origin echoed, requested headers allowed, `X-Next-Cursor` exposed.
 */
export async function startReplayServer(options: ReplayOptions): Promise<ReplayServer> {
	const { recording, sessions, upstream } = options;
	const directory = String(recording.session.directory);
	const hub = new SseHub(directory);
	const byId = new Map(sessions.map((s) => [s.info.id, s]));
	const proxied = new Set<string>();

	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://replay');
		const cors = corsHeaders(req);
		if (req.method === 'OPTIONS') {
			res.writeHead(204, {
				...cors,
				'access-control-allow-methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
				'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
				'access-control-max-age': '86400'
			});
			return res.end();
		}
		const json = (status: number, body: unknown, extra: Record<string, string> = {}) =>
			sendJson(req, res, status, body, { ...cors, ...extra });
		const path = url.pathname;
		if (req.method === 'GET') {
			if (path === '/event' || path === '/global/event')
				return hub.open(req, res, path === '/global/event', cors);
			if (path === '/global/health') return json(200, recording.gets['/global/health']);
			if (path === '/session')
				return json(
					200,
					sessions.map((s) => s.info)
				);
			if (path === '/session/status') return json(200, {});
			if (path === '/permission' || path === '/question') return json(200, []);
			const match = /^\/session\/([^/]+)(\/message)?$/.exec(path);
			const session = match && byId.get(decodeURIComponent(match[1]!));
			if (match && !session)
				return json(404, { name: 'NotFoundError', data: { message: 'Session not found' } });
			if (session && !match![2]) return json(200, session.info);
			if (session) return sendMessages(session, url, json);
		}
		proxied.add(`${req.method} ${path}`);
		proxy(req, res, upstream, cors);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		hub,
		sessions,
		proxied,
		close: () =>
			new Promise((resolve) => {
				hub.close();
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** `GET /session/{id}/message?limit&before`: the newest `limit` before the cursor, oldest first. */
function sendMessages(
	session: SyntheticSession,
	url: URL,
	json: (status: number, body: unknown, extra?: Record<string, string>) => void
) {
	const limit = Number(url.searchParams.get('limit') ?? 0);
	const before = url.searchParams.get('before');
	let end = session.messages.length;
	if (before) {
		const { id } = JSON.parse(Buffer.from(before, 'base64url').toString()) as { id: string };
		end = session.messages.findIndex((m) => m.info.id === id);
		if (end < 0) end = 0;
	}
	const begin = limit > 0 ? Math.max(0, end - limit) : 0;
	const page = session.messages.slice(begin, end);
	const extra: Record<string, string> = {};
	if (begin > 0) {
		const first = page[0]!.info;
		const cursor = Buffer.from(
			JSON.stringify({ id: first.id, time: (first.time as { created: number }).created })
		).toString('base64url');
		extra['x-next-cursor'] = cursor;
		extra.link = `<${url.pathname}?limit=${limit}&before=${cursor}>; rel="next"`;
	}
	json(200, page, extra);
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
	const origin = req.headers.origin;
	return origin
		? {
				'access-control-allow-origin': origin,
				'access-control-expose-headers': 'Link, X-Next-Cursor',
				vary: 'Origin'
			}
		: {};
}

/** JSON, gzipped when the client takes it (opencode does the same). */
function sendJson(
	req: IncomingMessage,
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string>
) {
	let data: Buffer = Buffer.from(JSON.stringify(body));
	const out: Record<string, string> = { ...headers, 'content-type': 'application/json' };
	if (data.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
		data = gzipSync(data, { level: 1 });
		out['content-encoding'] = 'gzip';
	}
	res.writeHead(status, { ...out, 'content-length': String(data.length) });
	res.end(data);
}

function proxy(
	req: IncomingMessage,
	res: ServerResponse,
	upstream: ReplayOptions['upstream'],
	cors: Record<string, string>
) {
	const target = new URL(req.url ?? '/', upstream.url);
	const headers = { ...req.headers, ...upstream.headers, host: target.host };
	delete headers.origin;
	const out = httpRequest(target, { method: req.method, headers }, (answer) => {
		res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
		answer.pipe(res);
	});
	out.on('error', () => {
		if (!res.headersSent) res.writeHead(502, cors);
		res.end();
	});
	req.pipe(out);
}
