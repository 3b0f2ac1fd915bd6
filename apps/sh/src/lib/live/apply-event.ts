import type { QueryClient } from '@tanstack/svelte-query';
import { keys } from '$lib/query/keys.ts';
import { removeMessage, removePart, writeMessage, writePart } from '$lib/query/message-cache.ts';
import { refetchMessages } from '$lib/query/refetch.ts';
import { removePermission, writePermission } from '$lib/query/permission-cache.ts';
import {
	clearSessionError,
	dropSession,
	setSessionError,
	setSessionStatus,
	writeSession
} from '$lib/query/session-cache.ts';
import type { LiveEvent } from './live-event.ts';

/**
 * Writes one event of workspace `ws` into the cache, in place. Text deltas are not events this
 * takes: the event sink sums them per frame and appends them itself. Event types that change
 * nothing cached are ignored. When an event cannot be placed (it refers to a message or part the cache
 * never saw), that session's messages are refetched once instead.
 */
export function applyEvent(queryClient: QueryClient, ws: string, event: LiveEvent): void {
	switch (event.type) {
		case 'session.created':
		case 'session.updated':
			return writeSession(queryClient, ws, event.properties.info);
		case 'session.deleted':
			return dropSession(queryClient, ws, event.properties.sessionID);
		case 'session.status': {
			const { sessionID, status } = event.properties;
			if (status.type === 'busy') clearSessionError(queryClient, ws, sessionID);
			return setSessionStatus(queryClient, ws, sessionID, status);
		}
		case 'session.idle':
			return setSessionStatus(queryClient, ws, event.properties.sessionID, { type: 'idle' });
		case 'session.error': {
			const { sessionID, error } = event.properties;
			if (sessionID && error) setSessionError(queryClient, ws, sessionID, error);
			return;
		}
		case 'session.compacted':
			return refetchMessages(queryClient, ws, event.properties.sessionID);
		case 'message.updated':
			writeMessage(queryClient, ws, event.properties.info);
			return;
		case 'message.removed': {
			const { sessionID, messageID } = event.properties;
			removeMessage(queryClient, ws, sessionID, messageID);
			return;
		}
		case 'message.part.updated': {
			const { part } = event.properties;
			if (!writePart(queryClient, ws, part)) refetchMessages(queryClient, ws, part.sessionID);
			return;
		}
		case 'message.part.removed': {
			const { sessionID, messageID, partID } = event.properties;
			removePart(queryClient, ws, { sessionId: sessionID, messageId: messageID, partId: partID });
			return;
		}
		case 'permission.asked':
			return writePermission(queryClient, ws, event.properties);
		case 'permission.replied':
			return removePermission(queryClient, ws, event.properties.requestID);
		case 'server.instance.disposed':
			// The server reloaded (e.g. its config changed): anything cached may be outdated.
			void queryClient.invalidateQueries({ queryKey: keys.workspace(ws) });
			return;
	}
}
