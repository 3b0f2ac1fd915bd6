import type { HealthResult } from '$lib/opencode/index.ts';

export type ConnectionTestMessage = { tone: 'success' | 'danger'; title: string; detail: string };

/** The wizard's precise answer to "Test connection". */
export function connectionTestMessage(
	result: HealthResult,
	appOrigin: string
): ConnectionTestMessage {
	if (result.ok) {
		return {
			tone: 'success',
			title: `Connected to opencode ${result.version}`,
			detail: `The server answered in ${result.latencyMs} ms.`
		};
	}
	switch (result.error.kind) {
		case 'unauthorized':
			return {
				tone: 'danger',
				title: 'Wrong username or password',
				detail:
					'The server answered but refused these credentials. They must match OPENCODE_SERVER_USERNAME and OPENCODE_SERVER_PASSWORD in the command you ran.'
			};
		case 'unreachable':
			return {
				tone: 'danger',
				title: "Can't reach it",
				detail: `Check that the command is still running, that the URL is the one your tunnel printed, and that the server allows this app's origin (${appOrigin}) with --cors.`
			};
		case 'not_opencode':
			return {
				tone: 'danger',
				title: 'Not an opencode server',
				detail:
					'Something answered at this URL, but not the opencode API. Check the URL: a tunnel or proxy may be answering in its place.'
			};
		default:
			return { tone: 'danger', title: result.error.title, detail: result.error.description };
	}
}
