import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeModelState } from './fake-model-state.ts';
import type { FakeReply, FakeStreamOptions } from './fake-model-types.ts';
import { readBody, sendJson } from './http-body.ts';

/**
 * `/__control/*`: lets another process (a Playwright worker) steer a fake model started in
 * global setup. Only plain-data replies travel this way; reply functions stay in-process.
 */
export async function handleControl(
	state: FakeModelState,
	path: string,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const action = path.slice('/__control/'.length);
	if (req.method === 'GET' && action === 'requests') return sendJson(res, 200, state.requests);
	if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'POST only' } });
	const raw = await readBody(req);
	const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
	switch (action) {
		case 'reply':
			state.setReply(body.reply as FakeReply);
			break;
		case 'queue':
			state.enqueueReplies(...(body.replies as FakeReply[]));
			break;
		case 'title':
			state.setTitle(String(body.title));
			break;
		case 'stream':
			state.setStream(body as FakeStreamOptions);
			break;
		case 'reset':
			state.reset();
			break;
		default:
			return sendJson(res, 404, { error: { message: `Unknown control ${action}` } });
	}
	sendJson(res, 200, { ok: true });
}
