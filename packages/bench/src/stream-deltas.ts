import { setTimeout as sleep } from 'node:timers/promises';
import type { SseHub } from './sse-hub.ts';
import type { SyntheticSession } from './synthetic.ts';

/** One session to stream into, on the replay server whose hub reaches it. */
export type StreamTarget = { hub: SseHub; session: SyntheticSession };

/** Wall-clock ms with sub-ms precision, comparable with the page's `timeOrigin + now()`. */
export const wallNow = () => performance.timeOrigin + performance.now();

/**
 * Sends `count` `message.part.delta` events into every target's open text part at `ratePerSec`
 * each, paced against the clock (late ticks catch up). Delta `n` reads ` wN ⟦n⟧`, so the page
 * can tell when it shows it. Returns the send time of each sequence number (the first target's).
 */
export async function streamDeltas(
	targets: StreamTarget[],
	count: number,
	ratePerSec: number
): Promise<number[]> {
	const sentAt: number[] = [];
	const interval = 1000 / ratePerSec;
	const start = performance.now();
	for (let seq = 0; seq < count; seq++) {
		const due = start + seq * interval;
		const wait = due - performance.now();
		if (wait > 1) await sleep(wait);
		for (const { hub, session } of targets) {
			const { messageID, partID } = session.streamTarget;
			hub.send({
				type: 'message.part.delta',
				properties: {
					sessionID: session.info.id,
					messageID,
					partID,
					field: 'text',
					delta: ` w${seq % 10} ⟦${seq}⟧`
				}
			});
			sentAt[seq] ??= wallNow();
		}
	}
	return sentAt;
}
