/** The ways a call to an opencode server can fail, as the UI talks about them. */
export type ApiErrorKind =
	'unauthorized' | 'unreachable' | 'not_opencode' | 'server_error' | 'not_found' | 'bad_request';

/** The one error shape from the client to a toast: a kind plus human-readable text. */
export type ApiError = {
	kind: ApiErrorKind;
	title: string;
	description: string;
	/** HTTP status, when the server answered. */
	status?: number;
};

/** An {@link ApiError} as a throwable, for TanStack Query functions. */
export class OpencodeApiError extends Error {
	override readonly name = 'OpencodeApiError';
	readonly error: ApiError;

	constructor(error: ApiError) {
		super(`${error.title}: ${error.description}`);
		this.error = error;
	}

	/** Shortcut for `error.kind`. */
	get kind(): ApiErrorKind {
		return this.error.kind;
	}
}

const TITLES: Record<ApiErrorKind, string> = {
	unauthorized: 'Wrong user name or password',
	unreachable: 'Server unreachable',
	not_opencode: 'Not an opencode server',
	server_error: 'Server error',
	not_found: 'Not found',
	bad_request: 'Request rejected'
};

/** Builds an {@link ApiError} with the kind's usual title. */
export function apiError(kind: ApiErrorKind, description: string, status?: number): ApiError {
	return status === undefined
		? { kind, title: TITLES[kind], description }
		: { kind, title: TITLES[kind], description, status };
}

/** Classifies an HTTP answer that was not a success (or not the opencode API at all). */
export function errorFromResponse(response: Response, body: unknown): ApiError {
	const { status } = response;
	if (status === 401) {
		return apiError(
			'unauthorized',
			'The server refused the credentials. Check the user name and password.',
			status
		);
	}
	const message = serverMessage(body);
	if (isHtml(response) || (status === 404 && !isOpencodeError(body))) {
		return apiError(
			'not_opencode',
			`The address answered with something other than the opencode API (HTTP ${status}). ` +
				'Check the URL; a tunnel or proxy may be answering in its place.',
			status
		);
	}
	if (status === 404)
		return apiError('not_found', message ?? 'It does not exist (any more).', status);
	if (status >= 500) {
		return apiError('server_error', message ?? `The server failed (HTTP ${status}).`, status);
	}
	return apiError(
		'bad_request',
		message ?? `The server rejected the request (HTTP ${status}).`,
		status
	);
}

/**
 * Classifies an exception from a call: network failures (a CORS block looks the same),
 * timeouts, cancellations and unparsable answers. `undefined` for anything else, which is a
 * bug to rethrow rather than a server problem to show.
 */
export function errorFromException(thrown: unknown): ApiError | undefined {
	if (thrown instanceof OpencodeApiError) return thrown.error;
	const name = (thrown as { name?: unknown } | null)?.name;
	if (name === 'TimeoutError') {
		return apiError('unreachable', 'The server did not answer in time.');
	}
	if (name === 'AbortError') return apiError('unreachable', 'The request was cancelled.');
	if (thrown instanceof TypeError) {
		return apiError(
			'unreachable',
			'No answer from the server. Check that `opencode serve` is running, the URL is right ' +
				'and this app is allowed with `--cors`.'
		);
	}
	if (thrown instanceof SyntaxError) {
		return apiError(
			'not_opencode',
			'The address answered with something that is not the opencode API. Check the URL; a ' +
				'tunnel or proxy may be answering in its place.'
		);
	}
	return undefined;
}

/** Whether an answer is an HTML page (a tunnel's warning, a proxy's error, the web UI). */
export function isHtml(response: Response): boolean {
	return response.headers.get('content-type')?.toLowerCase().includes('text/html') ?? false;
}

// opencode's error bodies come as `{ name, data: { message } }` or `{ _tag, message }`.
function isOpencodeError(body: unknown): boolean {
	if (typeof body !== 'object' || body === null) return false;
	const { name, _tag } = body as { name?: unknown; _tag?: unknown };
	return typeof name === 'string' || typeof _tag === 'string';
}

function serverMessage(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const { data, message } = body as { data?: { message?: unknown }; message?: unknown };
	const text = typeof data?.message === 'string' ? data.message : message;
	return typeof text === 'string' && text.trim() ? text : undefined;
}
