import {
	apiError,
	errorFromException,
	errorFromResponse,
	isHtml,
	OpencodeApiError,
	type ApiError
} from './errors.ts';

/** The outcome of a call: its data, or the one error shape. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What openapi-fetch's methods resolve to. */
type FetchOutcome<T> = { data?: T; error?: unknown; response: Response };

/**
 * Settles an openapi-fetch call into an {@link ApiResult}. HTTP failures and network failures
 * both become an `ApiError`; exceptions that are neither (bugs) are rethrown.
 */
export async function call<T>(request: Promise<FetchOutcome<T>>): Promise<ApiResult<T>> {
	let outcome: FetchOutcome<T>;
	try {
		outcome = await request;
	} catch (thrown) {
		const error = errorFromException(thrown);
		if (!error) throw thrown;
		return { ok: false, error };
	}
	const { response } = outcome;
	if (!response.ok) return { ok: false, error: errorFromResponse(response, outcome.error) };
	if (isHtml(response)) {
		return {
			ok: false,
			error: apiError('not_opencode', 'The address answered with a web page.', response.status)
		};
	}
	return { ok: true, data: outcome.data as T };
}

/** Like {@link call}, but returns the data or throws an {@link OpencodeApiError}. */
export async function unwrap<T>(request: Promise<FetchOutcome<T>>): Promise<T> {
	const result = await call(request);
	if (!result.ok) throw new OpencodeApiError(result.error);
	return result.data;
}
