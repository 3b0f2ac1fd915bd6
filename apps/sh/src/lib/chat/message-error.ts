import type { MessageError, SessionError } from '$lib/query/index.ts';

/** How a failed or stopped reply is described to the user (plain text). */
export type ErrorView = { aborted: boolean; title: string; detail?: string };

/** The title and detail to show for the error a reply or a run ended with. */
export function describeError(error: MessageError | SessionError): ErrorView {
	if (error.name === 'MessageAbortedError') return { aborted: true, title: 'Aborted' };
	const data = error.data as { message?: unknown };
	const detail = typeof data?.message === 'string' && data.message ? data.message : undefined;
	const titles: Partial<Record<string, string>> = {
		ProviderAuthError: 'The model provider refused the credentials',
		MessageOutputLengthError: 'The reply hit the output length limit',
		ContextOverflowError: 'The conversation is too long for the model',
		ContentFilterError: 'The provider’s content filter stopped the reply',
		APIError: 'The model provider failed',
		StructuredOutputError: 'The reply did not match the required format'
	};
	return { aborted: false, title: titles[error.name] ?? 'The reply failed', detail };
}
