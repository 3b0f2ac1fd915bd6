import type { WorkspaceConnection } from '$lib/opencode/connection.ts';

/** A recorded `fetch` for unit tests: answers with `respond` and keeps every request it got. */
export function recordingFetch(respond: (request: Request) => Response | Promise<Response>) {
	const requests: Request[] = [];
	const fetch = async (request: Request) => {
		requests.push(request);
		return respond(request);
	};
	return { fetch, requests };
}

/** A JSON answer. */
export function jsonResponse(body: unknown, status = 200): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}

/** A connection to a made-up server, for tests that never reach the network. */
export function testConnection(overrides: Partial<WorkspaceConnection> = {}): WorkspaceConnection {
	return {
		id: 'ws-1',
		url: 'http://127.0.0.1:4096',
		username: 'opencode',
		password: 'secret',
		...overrides
	};
}

/** A `fetch` that never answers, and rejects like the real one when its request is aborted. */
export function hangingFetch() {
	return recordingFetch(
		(request) =>
			new Promise<Response>((_, reject) => {
				const { signal } = request;
				if (signal.aborted) reject(signal.reason);
				signal.addEventListener('abort', () => reject(signal.reason));
			})
	);
}
