import type { QueryClient } from '@tanstack/svelte-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keys } from '$lib/query/keys.ts';
import { createQueryClient } from '$lib/query/query-client.ts';
import { assistantMessage, textPart, withParts } from '$test-support/query-data.ts';
import type { MessageWithParts } from '$lib/query/types.ts';
import { createEventSink } from './event-sink.ts';
import { FALLBACK_FRAME_MS, scheduleFrame } from './frame.ts';
import { events } from '$test-support/events.ts';

const WS = 'ws-1';
const ids = { sessionID: 'ses_1', messageID: 'msg_1' };
const part = textPart('prt_1', ids, '');
let queryClient: QueryClient;
let writes: number;

/** A frame scheduler the test runs by hand. */
function manualFrames() {
	const queue: (() => void)[] = [];
	return {
		schedule: (callback: () => void) => {
			queue.push(callback);
			return () => queue.splice(queue.indexOf(callback), 1);
		},
		run: () => queue.splice(0).forEach((callback) => callback()),
		get pending() {
			return queue.length;
		}
	};
}

const cached = () => queryClient.getQueryData<MessageWithParts[]>(keys.messages.list(WS, 'ses_1'));
const text = () => (cached()?.[0]?.parts[0] as { text?: string } | undefined)?.text;

beforeEach(() => {
	queryClient = createQueryClient();
	queryClient.setQueryData(keys.messages.list(WS, 'ses_1'), [
		withParts(assistantMessage('msg_1', 'ses_1'), [part])
	]);
	writes = 0;
	queryClient.getQueryCache().subscribe((event) => {
		if (event.type === 'updated' && event.action.type === 'success') writes++;
	});
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('text deltas', () => {
	it('are summed and written once per frame', () => {
		const frames = manualFrames();
		const sink = createEventSink({ queryClient, workspaceId: WS, scheduleFrame: frames.schedule });
		const words = 'The quick brown fox jumps over the lazy dog'.split(/(?= )/);
		words.forEach((word) => sink.handle(events.partDelta(part, word)));
		expect(writes).toBe(0);
		expect(frames.pending).toBe(1);
		frames.run();
		expect(writes).toBe(1);
		expect(text()).toBe(words.join(''));

		sink.handle(events.partDelta(part, '.'));
		sink.handle(events.partDelta(part, '!'));
		frames.run();
		expect(writes).toBe(2);
		expect(text()).toBe(`${words.join('')}.!`);
	});

	it('keep parts and fields apart', () => {
		const frames = manualFrames();
		const sink = createEventSink({ queryClient, workspaceId: WS, scheduleFrame: frames.schedule });
		const second = textPart('prt_2', ids, 'B');
		queryClient.setQueryData(keys.messages.list(WS, 'ses_1'), [
			withParts(assistantMessage('msg_1', 'ses_1'), [part, second])
		]);
		writes = 0;
		sink.handle(events.partDelta(part, 'a1'));
		sink.handle(events.partDelta(second, 'b1'));
		sink.handle(events.partDelta(part, 'a2'));
		frames.run();
		expect(writes).toBe(1);
		expect(cached()?.[0]?.parts).toEqual([
			textPart('prt_1', ids, 'a1a2'),
			textPart('prt_2', ids, 'Bb1')
		]);
	});

	it('are written before any other event, so nothing is applied twice or out of order', () => {
		const frames = manualFrames();
		const sink = createEventSink({ queryClient, workspaceId: WS, scheduleFrame: frames.schedule });
		sink.handle(events.partDelta(part, 'Hello'));
		sink.handle(events.partDelta(part, ' world'));
		// The server's final copy of the part, after the deltas it already contains.
		sink.handle(events.partUpdated(textPart('prt_1', ids, 'Hello world')));
		expect(text()).toBe('Hello world');
		expect(frames.pending).toBe(0);
		frames.run();
		expect(text()).toBe('Hello world');
	});

	it('are written when the stream closes (flush) and dropped on dispose', () => {
		const frames = manualFrames();
		const sink = createEventSink({ queryClient, workspaceId: WS, scheduleFrame: frames.schedule });
		sink.handle(events.partDelta(part, 'kept'));
		sink.flush();
		expect(text()).toBe('kept');
		sink.handle(events.partDelta(part, ' lost'));
		sink.dispose();
		frames.run();
		expect(text()).toBe('kept');
	});

	it('for a part the cache never saw make the session refetch', () => {
		const frames = manualFrames();
		const sink = createEventSink({ queryClient, workspaceId: WS, scheduleFrame: frames.schedule });
		sink.handle(events.partDelta(textPart('prt_9', ids), 'x'));
		frames.run();
		const query = queryClient.getQueryCache().find({ queryKey: keys.messages.list(WS, 'ses_1') });
		expect(query?.state.isInvalidated).toBe(true);
		expect(text()).toBe('');
	});

	it('use animation frames by default', () => {
		vi.useFakeTimers();
		const frame = vi.spyOn(globalThis, 'requestAnimationFrame');
		const sink = createEventSink({ queryClient, workspaceId: WS });
		sink.handle(events.partDelta(part, 'a'));
		sink.handle(events.partDelta(part, 'b'));
		expect(writes).toBe(0);
		expect(frame).toHaveBeenCalledTimes(1);
		vi.advanceTimersToNextFrame();
		expect(writes).toBe(1);
		expect(text()).toBe('ab');
	});
});

describe('scheduleFrame', () => {
	it('falls back to a short timeout where there are no animation frames', () => {
		vi.useFakeTimers();
		vi.stubGlobal('requestAnimationFrame', undefined);
		const callback = vi.fn();
		scheduleFrame(callback);
		vi.advanceTimersByTime(FALLBACK_FRAME_MS - 1);
		expect(callback).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(callback).toHaveBeenCalledTimes(1);

		const cancelled = vi.fn();
		scheduleFrame(cancelled)();
		vi.advanceTimersByTime(FALLBACK_FRAME_MS);
		expect(cancelled).not.toHaveBeenCalled();
	});

	it('can be cancelled', () => {
		vi.useFakeTimers();
		const callback = vi.fn();
		scheduleFrame(callback)();
		vi.advanceTimersToNextFrame();
		expect(callback).not.toHaveBeenCalled();
	});
});
