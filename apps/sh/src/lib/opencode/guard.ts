import type { Middleware } from 'openapi-fetch';

/** Thrown instead of sending a request anywhere but the workspace's own server. */
export class ForeignOriginError extends Error {
	override readonly name = 'ForeignOriginError';

	constructor(target: string, allowed: string) {
		super(`Refused a request to ${target}: this client only talks to ${allowed}.`);
	}
}

/** Options of {@link guardMiddleware}. */
export type GuardOptions = {
	/** The only origin requests may go to. */
	origin: string;
	/** `Authorization` header value, added only once the origin is checked. */
	authorization: string;
	/** Abort the request (and the reading of its answer) after this long; 0 for never. */
	timeoutMs: number;
};

/**
 * Every request passes here before `fetch`: it must target the workspace's origin (a per-call
 * `baseUrl` or a crafted path cannot send the credentials elsewhere), then it gets the
 * credentials and a timeout combined with the caller's own signal.
 */
export function guardMiddleware({ origin, authorization, timeoutMs }: GuardOptions): Middleware {
	return {
		onRequest({ request }) {
			const target = new URL(request.url).origin;
			if (target !== origin) throw new ForeignOriginError(target, origin);
			const headers = new Headers(request.headers);
			headers.set('authorization', authorization);
			const signal =
				timeoutMs > 0
					? AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)])
					: request.signal;
			return new Request(request, { headers, signal });
		}
	};
}
