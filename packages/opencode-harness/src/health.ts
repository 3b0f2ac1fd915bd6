import { setTimeout as sleep } from 'node:timers/promises';

// A connection opened while opencode starts can hang unanswered for minutes: ask briefly, often.
const REQUEST_TIMEOUT_MS = 1_500;
const RETRY_PAUSE_MS = 150;

/**
 * Resolves once `GET /global/health` answers 200. Rejects when `exited` settles first (the
 * process died) or after `timeoutMs`, naming the last answer or failure.
 */
export async function waitUntilHealthy(
	url: string,
	headers: Record<string, string>,
	exited: Promise<string>,
	timeoutMs: number
): Promise<void> {
	let exitReason: string | undefined;
	void exited.then((reason) => (exitReason = reason));
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		if (exitReason !== undefined) throw new Error(`exited (${exitReason}) before becoming healthy`);
		try {
			const response = await fetch(`${url}/global/health`, {
				headers,
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
			});
			await response.arrayBuffer();
			if (response.status === 200) return;
			last = `HTTP ${response.status}`;
		} catch (error) {
			last = describe(error);
		}
		await sleep(RETRY_PAUSE_MS);
	}
	throw new Error(`not healthy after ${timeoutMs} ms (last: ${last})`);
}

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = (error as { cause?: { code?: string } }).cause?.code;
	return cause ? `${error.name}: ${error.message} (${cause})` : `${error.name}: ${error.message}`;
}
