import type { FakeModelCall, FakeReply, FakeStreamOptions } from './fake-model-types.ts';

/** Steers a fake model running in another process, through its `/__control/` routes. */
export type FakeModelControl = {
	setReply(reply: FakeReply): Promise<void>;
	enqueueReplies(...replies: FakeReply[]): Promise<void>;
	setTitle(title: string): Promise<void>;
	setStream(stream: FakeStreamOptions): Promise<void>;
	reset(): Promise<void>;
	requests(): Promise<FakeModelCall[]>;
};

/**
 * A remote control for the fake model at `url` (its `url`, not `apiUrl`), e.g. from a
 * Playwright test whose fake model was started by global setup.
 */
export function fakeModelControl(url: string): FakeModelControl {
	const post = async (action: string, body: unknown = {}) => {
		const response = await fetch(`${url}/__control/${action}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(5_000)
		});
		if (!response.ok) throw new Error(`Fake model control ${action}: ${response.status}`);
	};
	return {
		setReply: (reply) => post('reply', { reply }),
		enqueueReplies: (...replies) => post('queue', { replies }),
		setTitle: (title) => post('title', { title }),
		setStream: (stream) => post('stream', stream),
		reset: () => post('reset'),
		requests: async () => {
			const response = await fetch(`${url}/__control/requests`, {
				signal: AbortSignal.timeout(5_000)
			});
			if (!response.ok) throw new Error(`Fake model control requests: ${response.status}`);
			return (await response.json()) as FakeModelCall[];
		}
	};
}
