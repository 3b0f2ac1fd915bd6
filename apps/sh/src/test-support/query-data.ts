import type { components } from '$lib/opencode/index.ts';
import type {
	Message,
	MessageWithParts,
	Part,
	PermissionRequest,
	Session
} from '$lib/query/types.ts';

/** Small factories of server data for unit tests, typed from the generated schema. */

type TextPart = components['schemas']['TextPart'];

/** A session; `updated` defaults to `created`. */
export function session(id: string, overrides: Partial<Session> = {}): Session {
	const created = overrides.time?.created ?? 1_000;
	return {
		id,
		slug: id,
		projectID: 'project-1',
		directory: '/project',
		title: `Session ${id}`,
		version: '1.18.33',
		time: { created, updated: created },
		...overrides
	};
}

/** A user message. */
export function userMessage(id: string, sessionID: string): Message {
	return {
		id,
		sessionID,
		role: 'user',
		time: { created: 1_000 },
		agent: 'build',
		model: { providerID: 'fake', modelID: 'fake-model' }
	};
}

/** An assistant message, still being written unless `completed` is given. */
export function assistantMessage(id: string, sessionID: string, completed?: number): Message {
	return {
		id,
		sessionID,
		role: 'assistant',
		time: completed === undefined ? { created: 2_000 } : { created: 2_000, completed },
		parentID: 'msg_1',
		modelID: 'fake-model',
		providerID: 'fake',
		mode: 'build',
		agent: 'build',
		path: { cwd: '/project', root: '/project' },
		cost: 0,
		tokens: { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } }
	};
}

/** A text part. */
export function textPart(
	id: string,
	ids: { sessionID: string; messageID: string },
	text = ''
): TextPart {
	return { id, ...ids, type: 'text', text };
}

/** A message with its parts, as `GET /session/{id}/message` lists it. */
export function withParts(info: Message, parts: Part[] = []): MessageWithParts {
	return { info, parts };
}

/** A pending permission request. */
export function permissionRequest(id: string, sessionID: string): PermissionRequest {
	return {
		id,
		sessionID,
		permission: 'bash',
		patterns: ['echo hi'],
		metadata: {},
		always: ['echo *']
	};
}
