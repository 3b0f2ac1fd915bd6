import type { QueryClient } from '@tanstack/svelte-query';
import { keys } from './keys.ts';
import { insertInIdOrder, removeById } from './list-updates.ts';
import type { Message, MessageWithParts, Part } from './types.ts';

/**
 * Cache writes for a session's messages, used by the live event stream. They only touch a
 * session whose messages are already cached: a partial list must never pass for a loaded one.
 * Each returns false when the change could not be placed (its message is not cached), so the
 * caller can refetch instead.
 */

type Messages = MessageWithParts[];

function update(
	queryClient: QueryClient,
	ws: string,
	sessionId: string,
	change: (messages: Messages) => Messages | undefined
): boolean {
	const key = keys.messages.list(ws, sessionId);
	const current = queryClient.getQueryData<Messages>(key);
	if (!current) return true;
	const next = change(current);
	if (!next) return false;
	if (next !== current) queryClient.setQueryData(key, next);
	return true;
}

function updateMessage(
	queryClient: QueryClient,
	ws: string,
	sessionId: string,
	messageId: string,
	change: (message: MessageWithParts) => MessageWithParts
): boolean {
	return update(queryClient, ws, sessionId, (messages) => {
		const index = messages.findIndex((m) => m.info.id === messageId);
		if (index === -1) return undefined;
		const next = [...messages];
		next[index] = change(messages[index]!);
		return next;
	});
}

/** Adds a message or replaces its info, keeping its parts. */
export function writeMessage(queryClient: QueryClient, ws: string, info: Message): boolean {
	return update(queryClient, ws, info.sessionID, (messages) => {
		const parts = messages.find((m) => m.info.id === info.id)?.parts ?? [];
		return insertInIdOrder(messages, { info, parts }, (m) => m.info.id);
	});
}

/** Removes a message and its parts. */
export function removeMessage(
	queryClient: QueryClient,
	ws: string,
	sessionId: string,
	messageId: string
): boolean {
	return update(queryClient, ws, sessionId, (messages) => {
		const next = messages.filter((m) => m.info.id !== messageId);
		return next.length === messages.length ? messages : next;
	});
}

/** Adds a part to its message or replaces it. */
export function writePart(queryClient: QueryClient, ws: string, part: Part): boolean {
	return updateMessage(queryClient, ws, part.sessionID, part.messageID, (message) => ({
		info: message.info,
		parts: insertInIdOrder(message.parts, part, (p) => p.id)
	}));
}

/** Removes a part from its message. */
export function removePart(
	queryClient: QueryClient,
	ws: string,
	ids: { sessionId: string; messageId: string; partId: string }
): boolean {
	return updateMessage(queryClient, ws, ids.sessionId, ids.messageId, (message) => {
		const parts = removeById(message.parts, ids.partId);
		return parts === message.parts ? message : { info: message.info, parts };
	});
}

/** Text to append to one field of one part (coalesced `message.part.delta` events). */
export type PartAppend = {
	sessionId: string;
	messageId: string;
	partId: string;
	/** The part's field the text belongs to; `text` for text and reasoning parts. */
	field: string;
	text: string;
};

/**
 * Appends text to parts of one session in a single cache write. Returns false when a part is
 * not cached (its `message.part.updated` was missed).
 */
export function appendToParts(
	queryClient: QueryClient,
	ws: string,
	sessionId: string,
	appends: readonly PartAppend[]
): boolean {
	let complete = true;
	const placed = update(queryClient, ws, sessionId, (messages) => {
		const next = [...messages];
		for (const append of appends) {
			const messageIndex = next.findIndex((m) => m.info.id === append.messageId);
			const message = next[messageIndex];
			const partIndex = message?.parts.findIndex((p) => p.id === append.partId) ?? -1;
			if (!message || partIndex === -1) {
				complete = false;
				continue;
			}
			const parts = [...message.parts];
			const part = parts[partIndex] as Part & Record<string, unknown>;
			const before = part[append.field];
			parts[partIndex] = {
				...part,
				[append.field]: (typeof before === 'string' ? before : '') + append.text
			} as Part;
			next[messageIndex] = { info: message.info, parts };
		}
		return next;
	});
	return placed && complete;
}
