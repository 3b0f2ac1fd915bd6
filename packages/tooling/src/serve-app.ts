import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

/** The app's static build: `apps/sh/build`, or `apps/sh/$APP_BUILD_DIR`. */
export const BUILD_DIR = join(
	import.meta.dirname,
	'../../../apps/sh',
	process.env.APP_BUILD_DIR ?? 'build'
);

/**
 * Reads the `/*` block of a Netlify/Cloudflare-style `_headers` file, so this server sends the
 * same security headers (e.g. `frame-ancestors`, which a meta tag cannot set) as those hosts.
 */
export function readHeadersFile(path: string): Record<string, string> {
	if (!existsSync(path)) return {};
	const headers: Record<string, string> = {};
	let inAllPaths = false;
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			inAllPaths = line.trim() === '/*';
			continue;
		}
		const colon = line.indexOf(':');
		if (inAllPaths && colon > 0)
			headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return headers;
}

/**
 * Serves the built single-page app: static files, the SPA fallback page for every other path,
 * and the build's `_headers`.
 */
export function serveApp(options: { port: number; host: string; dir?: string }): Promise<Server> {
	const dir = options.dir ?? BUILD_DIR;
	if (!existsSync(join(dir, '200.html'))) {
		throw new Error(`No app build in ${dir}: run \`pnpm --filter sh build\` first.`);
	}
	const headers = readHeadersFile(join(dir, '_headers'));
	const files = sirv(dir, { single: '200.html', etag: true, gzip: false });
	const server = createServer((request, response) => {
		for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
		files(request, response, () => {
			response.statusCode = 404;
			response.end('Not found');
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve(server));
	});
}
