import type { QueryClient } from '@tanstack/svelte-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { keys } from '$lib/query/keys.ts';
import { createQueryClient } from '$lib/query/query-client.ts';
import {
	assistantMessage,
	permissionRequest,
	session,
	textPart,
	userMessage,
	withParts
} from '$test-support/query-data.ts';
import type {
	MessageWithParts,
	PermissionRequest,
	Session,
	SessionErrorMap,
	SessionStatusMap
} from '$lib/query/types.ts';
import { applyEvent } from './apply-event.ts';
import type { LiveEvent } from './live-event.ts';
import { events } from '$test-support/events.ts';

const WS = 'ws-1';
let queryClient: QueryClient;
const apply = (...list: LiveEvent[]) => list.forEach((e) => applyEvent(queryClient, WS, e));
const sessions = (filters = {}) =>
	queryClient.getQueryData<Session[]>(keys.sessions.list(WS, filters));
const messages = (sessionId = 'ses_1') =>
	queryClient.getQueryData<MessageWithParts[]>(keys.messages.list(WS, sessionId));
const isInvalidated = (key: readonly unknown[]) =>
	queryClient.getQueryCache().find({ queryKey: key, exact: true })?.state.isInvalidated;

beforeEach(() => {
	queryClient = createQueryClient();
});

describe('sessions', () => {
	const older = session('ses_a', { time: { created: 1, updated: 10 } });
	const newer = session('ses_b', { time: { created: 2, updated: 20 } });

	beforeEach(() => {
		queryClient.setQueryData(keys.sessions.list(WS), [newer, older]);
		queryClient.setQueryData(keys.sessions.list(WS, { roots: true }), [newer, older]);
	});

	it('adds a created session to every list it belongs in, newest activity first', () => {
		const created = session('ses_c', { time: { created: 3, updated: 30 } });
		const child = session('ses_d', { parentID: 'ses_a', time: { created: 4, updated: 40 } });
		apply(events.sessionCreated(created), events.sessionCreated(child));
		expect(sessions()?.map((s) => s.id)).toEqual(['ses_d', 'ses_c', 'ses_b', 'ses_a']);
		expect(sessions({ roots: true })?.map((s) => s.id)).toEqual(['ses_c', 'ses_b', 'ses_a']);
	});

	it('replaces an updated session, moves it by its activity and updates its cached detail', () => {
		queryClient.setQueryData(keys.sessions.detail(WS, 'ses_a'), older);
		const renamed = { ...older, title: 'Renamed', time: { created: 1, updated: 50 } };
		apply(events.sessionUpdated(renamed));
		expect(sessions()).toEqual([renamed, newer]);
		expect(queryClient.getQueryData(keys.sessions.detail(WS, 'ses_a'))).toEqual(renamed);
		// Details nobody loaded are not invented.
		apply(events.sessionUpdated({ ...newer, title: 'B2' }));
		expect(queryClient.getQueryData(keys.sessions.detail(WS, 'ses_b'))).toBeUndefined();
	});

	it('forgets a deleted session everywhere', () => {
		queryClient.setQueryData<SessionStatusMap>(keys.sessions.statuses(WS), {
			ses_a: { type: 'busy' }
		});
		queryClient.setQueryData(keys.permissions.list(WS), [permissionRequest('per_1', 'ses_a')]);
		queryClient.setQueryData(keys.messages.list(WS, 'ses_a'), []);
		queryClient.setQueryData(keys.sessions.detail(WS, 'ses_a'), older);
		apply(events.sessionDeleted(older));
		expect(sessions()).toEqual([newer]);
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toEqual({});
		expect(queryClient.getQueryData(keys.permissions.list(WS))).toEqual([]);
		expect(messages('ses_a')).toBeUndefined();
		expect(isInvalidated(keys.sessions.detail(WS, 'ses_a'))).toBe(true);
	});

	it('only touches its own workspace', () => {
		queryClient.setQueryData(keys.sessions.list('ws-2'), [older]);
		applyEvent(queryClient, 'ws-2', events.sessionCreated(session('ses_x')));
		expect(sessions()?.map((s) => s.id)).toEqual(['ses_b', 'ses_a']);
		expect(queryClient.getQueryData<Session[]>(keys.sessions.list('ws-2'))).toHaveLength(2);
	});
});

describe('session status and errors', () => {
	it('tracks busy sessions; idle ones leave the map', () => {
		queryClient.setQueryData<SessionStatusMap>(keys.sessions.statuses(WS), {});
		apply(events.sessionStatus('ses_1', { type: 'busy' }));
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toEqual({
			ses_1: { type: 'busy' }
		});
		apply(events.sessionIdle('ses_1'));
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toEqual({});
		apply(events.sessionStatus('ses_2', { type: 'busy' }));
		apply(events.sessionStatus('ses_2', { type: 'idle' }));
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toEqual({});
	});

	it('does not invent a status map nobody loaded', () => {
		apply(events.sessionStatus('ses_1', { type: 'busy' }));
		expect(queryClient.getQueryData(keys.sessions.statuses(WS))).toBeUndefined();
	});

	it('remembers the error a run ended with until the session is busy again', () => {
		const error = { name: 'MessageAbortedError' as const, data: { message: 'Aborted' } };
		apply(events.sessionError('ses_1', error));
		expect(queryClient.getQueryData<SessionErrorMap>(keys.sessions.errors(WS))).toEqual({
			ses_1: error
		});
		apply(events.sessionStatus('ses_1', { type: 'busy' }));
		expect(queryClient.getQueryData(keys.sessions.errors(WS))).toEqual({});
	});
});

describe('messages and parts', () => {
	const ids = { sessionID: 'ses_1', messageID: 'msg_2' };
	const user = withParts(userMessage('msg_1', 'ses_1'), [
		textPart('prt_1', { sessionID: 'ses_1', messageID: 'msg_1' }, 'hi')
	]);

	beforeEach(() => queryClient.setQueryData(keys.messages.list(WS, 'ses_1'), [user]));

	it('adds a new message, then updates its info keeping its parts', () => {
		const assistant = assistantMessage('msg_2', 'ses_1');
		apply(events.messageUpdated(assistant), events.partUpdated(textPart('prt_2', ids, 'Hel')));
		const done = assistantMessage('msg_2', 'ses_1', 5_000);
		apply(events.messageUpdated(done));
		expect(messages()).toEqual([user, withParts(done, [textPart('prt_2', ids, 'Hel')])]);
	});

	it('keeps messages and parts in id (creation) order', () => {
		apply(
			events.messageUpdated(assistantMessage('msg_3', 'ses_1')),
			events.messageUpdated(assistantMessage('msg_2', 'ses_1')),
			events.partUpdated(textPart('prt_5', ids)),
			events.partUpdated(textPart('prt_3', ids)),
			events.partUpdated(textPart('prt_4', ids))
		);
		expect(messages()?.map((m) => m.info.id)).toEqual(['msg_1', 'msg_2', 'msg_3']);
		expect(messages()?.[1]?.parts.map((p) => p.id)).toEqual(['prt_3', 'prt_4', 'prt_5']);
	});

	it('replaces an updated part and removes parts and messages', () => {
		apply(
			events.messageUpdated(assistantMessage('msg_2', 'ses_1')),
			events.partUpdated(textPart('prt_2', ids, '')),
			events.partUpdated(textPart('prt_2', ids, 'Hello there.'))
		);
		expect(messages()?.[1]?.parts).toEqual([textPart('prt_2', ids, 'Hello there.')]);
		apply(events.partRemoved(textPart('prt_2', ids)));
		expect(messages()?.[1]?.parts).toEqual([]);
		apply(events.messageRemoved('ses_1', 'msg_2'));
		expect(messages()).toEqual([user]);
	});

	it('refetches the session once when a part belongs to a message it never saw', () => {
		apply(events.partUpdated(textPart('prt_9', { sessionID: 'ses_1', messageID: 'msg_9' })));
		expect(messages()).toEqual([user]);
		expect(isInvalidated(keys.messages.list(WS, 'ses_1'))).toBe(true);
	});

	it('leaves sessions whose messages are not cached alone', () => {
		apply(
			events.messageUpdated(userMessage('msg_1', 'ses_other')),
			events.partUpdated(textPart('prt_1', { sessionID: 'ses_other', messageID: 'msg_1' }))
		);
		expect(messages('ses_other')).toBeUndefined();
		expect(queryClient.getQueryCache().findAll({ queryKey: keys.messages.all(WS) })).toHaveLength(
			1
		);
	});
});

describe('permissions', () => {
	it('adds asked requests and removes answered ones', () => {
		queryClient.setQueryData<PermissionRequest[]>(keys.permissions.list(WS), []);
		const request = permissionRequest('per_1', 'ses_1');
		apply(events.permissionAsked(request), events.permissionAsked(request));
		expect(queryClient.getQueryData(keys.permissions.list(WS))).toEqual([request]);
		apply(events.permissionReplied('ses_1', 'per_1'));
		expect(queryClient.getQueryData(keys.permissions.list(WS))).toEqual([]);
	});
});

it('ignores heartbeats and events it has no use for', () => {
	queryClient.setQueryData(keys.sessions.list(WS), []);
	const before = queryClient
		.getQueryCache()
		.findAll()
		.map((q) => q.state.dataUpdatedAt);
	apply(events.heartbeat());
	expect(
		queryClient
			.getQueryCache()
			.findAll()
			.map((q) => q.state.dataUpdatedAt)
	).toEqual(before);
});
