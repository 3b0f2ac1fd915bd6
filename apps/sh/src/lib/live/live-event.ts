import type { components } from '$lib/opencode/index.ts';

/** An event from `GET /event`, as the server's OpenAPI document describes them. */
export type ServerEvent = components['schemas']['Event'];

/** The keep-alive the server sends every 10 s; the OpenAPI document does not list it. */
export type HeartbeatEvent = { id?: string; type: 'server.heartbeat'; properties: object };

/** Anything the event stream delivers. */
export type LiveEvent = ServerEvent | HeartbeatEvent;

/** Events of one `type`. */
export type LiveEventOf<T extends LiveEvent['type']> = Extract<LiveEvent, { type: T }>;

/** Parses one `data:` payload; undefined when it is not an opencode event. */
export function parseLiveEvent(data: string): LiveEvent | undefined {
	let value: unknown;
	try {
		value = JSON.parse(data);
	} catch {
		return undefined;
	}
	if (typeof value !== 'object' || value === null) return undefined;
	const { type, properties } = value as { type?: unknown; properties?: unknown };
	if (typeof type !== 'string' || typeof properties !== 'object' || properties === null) {
		return undefined;
	}
	return value as LiveEvent;
}
