import type { ApiError, HealthResult } from '$lib/opencode/index.ts';
import { versionProblem } from './version.ts';

/** What one attempt to reach a server came to. */
export type ProbeOutcome =
	| { kind: 'ok'; version: string; latencyMs: number }
	| { kind: 'unauthorized' }
	| { kind: 'incompatible'; reason: string }
	/** No (usable) answer this time: retry with backoff. */
	| { kind: 'down'; reason: string };

/** A {@link ProbeOutcome} other than success. */
export type ProbeFailure = Exclude<ProbeOutcome, { kind: 'ok' }>;

/** Classifies a failed call. */
export function outcomeOfError(error: ApiError): ProbeFailure {
	switch (error.kind) {
		case 'unauthorized':
			return { kind: 'unauthorized' };
		case 'unreachable':
		case 'server_error':
			return { kind: 'down', reason: error.description };
		default:
			// An answer, but not the opencode API (a web page, an unknown route): retrying soon
			// will not change it.
			return { kind: 'incompatible', reason: error.description };
	}
}

/** Classifies a health check, including whether the server's version is one this app speaks. */
export function outcomeOfHealth(result: HealthResult): ProbeOutcome {
	if (!result.ok) return outcomeOfError(result.error);
	if (!result.healthy) return { kind: 'down', reason: 'The server reports it is not healthy.' };
	const problem = versionProblem(result.version);
	if (problem) return { kind: 'incompatible', reason: problem };
	return { kind: 'ok', version: result.version, latencyMs: result.latencyMs };
}
