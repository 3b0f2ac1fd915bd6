import createFetchClient, { type Client } from 'openapi-fetch';
import { basicAuthHeader } from './auth.ts';
import type { WorkspaceConnection } from './connection.ts';
import type { paths } from './generated/schema.d.ts';
import { guardMiddleware } from './guard.ts';
import { isNgrokUrl } from './tunnel.ts';

/** A typed client for one opencode server. */
export type OpencodeClient = Client<paths>;

/** Options of {@link createClient}. */
export type ClientOptions = {
	/**
	 * Abort each request after this long (a caller's own `signal` still works too); 0 for never,
	 * e.g. for a long-lived event stream.
	 * @default DEFAULT_TIMEOUT_MS
	 */
	timeoutMs?: number;
	/** The fetch to use. @default globalThis.fetch */
	fetch?: (request: Request) => Promise<Response>;
};

/** Requests give up after this long unless the client was made with another `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Creates a client for the workspace's server: paths and bodies typed from the generated
 * schema, Basic auth on every request, requests to any other origin refused.
 */
export function createClient(
	connection: WorkspaceConnection,
	options: ClientOptions = {}
): OpencodeClient {
	const baseUrl = connection.url.trim().replace(/\/+$/, '');
	const target = new URL(baseUrl);
	const client = createFetchClient<paths>({
		baseUrl,
		headers: isNgrokUrl(target) ? { 'ngrok-skip-browser-warning': '1' } : {},
		fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
		// A redirect could carry the request to another origin, past the guard.
		redirect: 'error'
	});
	client.use(
		guardMiddleware({
			origin: target.origin,
			authorization: basicAuthHeader(connection.username, connection.password),
			timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS
		})
	);
	return client;
}
