import type { QueryClient } from '@tanstack/svelte-query';
import { appendToParts, type PartAppend } from '$lib/query/message-cache.ts';
import { refetchMessages } from '$lib/query/refetch.ts';
import { applyEvent } from './apply-event.ts';
import { scheduleFrame as defaultScheduleFrame, type FrameScheduler } from './frame.ts';
import type { LiveEvent } from './live-event.ts';

/** Options of {@link createEventSink}. */
export type EventSinkOptions = {
	queryClient: QueryClient;
	workspaceId: string;
	/** When to write coalesced text deltas. @default the next animation frame */
	scheduleFrame?: FrameScheduler;
};

/** Takes one workspace's events into the cache. */
export type EventSink = {
	handle(event: LiveEvent): void;
	/** Writes buffered text deltas now. */
	flush(): void;
	/** Drops buffered deltas and cancels the pending write. */
	dispose(): void;
};

/**
 * Applies each event to the cache as it comes, except text deltas: those are summed per part
 * and written once per animation frame. Any other event first writes what is buffered, so the
 * cache sees every change in the order the server sent it.
 */
export function createEventSink(options: EventSinkOptions): EventSink {
	const { queryClient, workspaceId } = options;
	const schedule = options.scheduleFrame ?? defaultScheduleFrame;
	const pending = new Map<string, PartAppend>();
	let cancelFrame: (() => void) | undefined;

	const flush = () => {
		cancelFrame?.();
		cancelFrame = undefined;
		if (pending.size === 0) return;
		const bySession = new Map<string, PartAppend[]>();
		for (const append of pending.values()) {
			const list = bySession.get(append.sessionId) ?? [];
			list.push(append);
			bySession.set(append.sessionId, list);
		}
		pending.clear();
		for (const [sessionId, appends] of bySession) {
			if (!appendToParts(queryClient, workspaceId, sessionId, appends)) {
				refetchMessages(queryClient, workspaceId, sessionId);
			}
		}
	};

	return {
		handle(event) {
			if (event.type !== 'message.part.delta') {
				flush();
				applyEvent(queryClient, workspaceId, event);
				return;
			}
			const { sessionID, messageID, partID, field, delta } = event.properties;
			const key = [sessionID, messageID, partID, field].join('\u0000');
			const buffered = pending.get(key);
			if (buffered) buffered.text += delta;
			else {
				pending.set(key, {
					sessionId: sessionID,
					messageId: messageID,
					partId: partID,
					field,
					text: delta
				});
			}
			cancelFrame ??= schedule(flush);
		},
		flush,
		dispose() {
			cancelFrame?.();
			cancelFrame = undefined;
			pending.clear();
		}
	};
}
