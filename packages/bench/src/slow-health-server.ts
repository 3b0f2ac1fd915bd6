import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';

/** A server that answers `GET /global/health` like opencode, but only after `delayMs`. */
export type SlowServer = { url: string; port: number; delayMs: number; close(): Promise<void> };

/** Starts a tiny opencode look-alike whose health check takes `delayMs` (CORS as opencode). */
export async function startSlowHealthServer(delayMs: number, version: string): Promise<SlowServer> {
	const server: Server = createServer((req, res) => {
		const origin = req.headers.origin;
		const cors: Record<string, string> = origin
			? { 'access-control-allow-origin': origin, vary: 'Origin' }
			: {};
		if (req.method === 'OPTIONS') {
			res.writeHead(204, {
				...cors,
				'access-control-allow-methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
				'access-control-allow-headers': req.headers['access-control-request-headers'] ?? ''
			});
			return res.end();
		}
		const timer = setTimeout(() => {
			res.writeHead(req.url?.startsWith('/global/health') ? 200 : 404, {
				...cors,
				'content-type': 'application/json'
			});
			res.end(JSON.stringify({ healthy: true, version }));
		}, delayMs);
		req.on('close', () => clearTimeout(timer));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		delayMs,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** A port nothing listens on (bound once, then released). */
export async function closedPort(): Promise<number> {
	const probe = createNetServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}
