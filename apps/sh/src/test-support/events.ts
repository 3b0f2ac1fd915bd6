import type {
	Message,
	Part,
	PermissionRequest,
	Session,
	SessionError,
	SessionStatus
} from '$lib/query/types.ts';
import type { LiveEventOf } from '$lib/live/live-event.ts';

/** Factories of server events for unit tests, shaped as the generated schema says. */

let counter = 0;
const id = () => `evt_${++counter}`;

export const events = {
	sessionCreated: (info: Session): LiveEventOf<'session.created'> => ({
		id: id(),
		type: 'session.created',
		properties: { sessionID: info.id, info }
	}),
	sessionUpdated: (info: Session): LiveEventOf<'session.updated'> => ({
		id: id(),
		type: 'session.updated',
		properties: { sessionID: info.id, info }
	}),
	sessionDeleted: (info: Session): LiveEventOf<'session.deleted'> => ({
		id: id(),
		type: 'session.deleted',
		properties: { sessionID: info.id, info }
	}),
	sessionStatus: (sessionID: string, status: SessionStatus): LiveEventOf<'session.status'> => ({
		id: id(),
		type: 'session.status',
		properties: { sessionID, status }
	}),
	sessionIdle: (sessionID: string): LiveEventOf<'session.idle'> => ({
		id: id(),
		type: 'session.idle',
		properties: { sessionID }
	}),
	sessionError: (sessionID: string, error: SessionError): LiveEventOf<'session.error'> => ({
		id: id(),
		type: 'session.error',
		properties: { sessionID, error }
	}),
	messageUpdated: (info: Message): LiveEventOf<'message.updated'> => ({
		id: id(),
		type: 'message.updated',
		properties: { sessionID: info.sessionID, info }
	}),
	messageRemoved: (sessionID: string, messageID: string): LiveEventOf<'message.removed'> => ({
		id: id(),
		type: 'message.removed',
		properties: { sessionID, messageID }
	}),
	partUpdated: (part: Part): LiveEventOf<'message.part.updated'> => ({
		id: id(),
		type: 'message.part.updated',
		properties: { sessionID: part.sessionID, part, time: 1 }
	}),
	partRemoved: (part: Part): LiveEventOf<'message.part.removed'> => ({
		id: id(),
		type: 'message.part.removed',
		properties: { sessionID: part.sessionID, messageID: part.messageID, partID: part.id }
	}),
	partDelta: (part: Part, delta: string, field = 'text'): LiveEventOf<'message.part.delta'> => ({
		id: id(),
		type: 'message.part.delta',
		properties: {
			sessionID: part.sessionID,
			messageID: part.messageID,
			partID: part.id,
			field,
			delta
		}
	}),
	permissionAsked: (request: PermissionRequest): LiveEventOf<'permission.asked'> => ({
		id: id(),
		type: 'permission.asked',
		properties: request
	}),
	permissionReplied: (
		sessionID: string,
		requestID: string,
		reply: 'once' | 'always' | 'reject' = 'once'
	): LiveEventOf<'permission.replied'> => ({
		id: id(),
		type: 'permission.replied',
		properties: { sessionID, requestID, reply }
	}),
	heartbeat: (): LiveEventOf<'server.heartbeat'> => ({
		id: id(),
		type: 'server.heartbeat',
		properties: {}
	})
};
