import { createQuery } from '@tanstack/svelte-query';
import { activityOf, type SessionActivity } from '$lib/sessions/session-rows.ts';
import { sessionMemory, type SessionChoice } from '$lib/sessions/session-memory.svelte.ts';
import {
	messagePageQueries,
	permissionQueries,
	sessionQueries,
	workspaceApi,
	type MessageWithParts,
	type PermissionRequest,
	type SessionError
} from '$lib/query/index.ts';

const NO_MESSAGES: MessageWithParts[] = [];

/** The choice the session's latest prompt made, for sessions started elsewhere. */
function lastPromptChoice(messages: readonly MessageWithParts[]): SessionChoice | undefined {
	for (let i = messages.length - 1; i >= 0; i--) {
		const info = messages[i]!.info;
		if (info.role !== 'user' || !info.model.providerID) continue;
		return {
			model: { providerID: info.model.providerID, modelID: info.model.modelID },
			agent: info.agent
		};
	}
	return undefined;
}

/**
 * Everything one chat shows, from the cache (live events keep it current): the session, its
 * activity and last error, its messages (newest page first), and its pending permission
 * requests, each matched to its tool call where that is loaded. Create it while a component
 * initialises.
 */
export class ChatState {
	readonly workspaceId: string;
	readonly sessionId: string;
	readonly #detail;
	readonly #statuses;
	readonly #errors;
	readonly #permissions;
	readonly #messages;
	readonly #older;

	constructor(workspaceId: string, sessionId: string) {
		this.workspaceId = workspaceId;
		this.sessionId = sessionId;
		const api = workspaceApi(workspaceId);
		this.#detail = createQuery(() => sessionQueries.detail(api, sessionId));
		this.#statuses = createQuery(() => sessionQueries.statuses(api));
		this.#errors = createQuery(() => sessionQueries.errors(api));
		this.#permissions = createQuery(() => permissionQueries.list(api));
		this.#messages = createQuery(() => messagePageQueries.latest(api, sessionId));
		this.#older = createQuery(() => messagePageQueries.older(api, sessionId));

		this.activity = $derived(activityOf(this.#statuses.data, sessionId));
		this.busy = $derived(this.activity !== 'idle');
		this.runError = $derived(this.#errors.data?.[sessionId]);
		this.strayError = $derived.by(() => {
			const error = this.runError;
			if (!error || error.name === 'MessageAbortedError') return undefined;
			const last = this.messages.at(-1)?.info;
			return last?.role === 'assistant' && last.error ? undefined : error;
		});
		this.permissions = $derived(
			(this.#permissions.data ?? []).filter((request) => request.sessionID === sessionId)
		);
		this.unplacedPermissions = $derived.by(() => {
			if (this.permissions.length === 0) return [];
			const calls = this.messages.flatMap((m) =>
				m.parts.flatMap((p) => (p.type === 'tool' ? [`${p.messageID} ${p.callID}`] : []))
			);
			return this.permissions.filter(
				(r) => !r.tool || !calls.includes(`${r.tool.messageID} ${r.tool.callID}`)
			);
		});
		this.choice = $derived(
			sessionMemory.choice(workspaceId, sessionId) ?? lastPromptChoice(this.messages) ?? {}
		);
	}

	get session() {
		return this.#detail.data;
	}

	/** Why the session could not be loaded (gone, unreachable...). */
	get sessionError() {
		return this.#detail.error ?? undefined;
	}

	/** Idle, busy or retrying (from `session.status` events). */
	readonly activity: SessionActivity;
	readonly busy: boolean;
	/** The error the session's last run ended with (from `session.error`). */
	readonly runError: SessionError | undefined;
	/**
	 * A failed run's error that no reply shows (e.g. the model call failed before any reply);
	 * aborts are left out, the user knows about those.
	 */
	readonly strayError: SessionError | undefined;
	/** The session's pending permission requests. */
	readonly permissions: PermissionRequest[];
	/** Requests whose tool call is not on screen (not loaded, or not tied to a tool). */
	readonly unplacedPermissions: PermissionRequest[];
	/** The model and agent prompts use: chosen in this browser, else the latest prompt's. */
	readonly choice: SessionChoice;

	get messages(): MessageWithParts[] {
		return this.#messages.data ?? NO_MESSAGES;
	}

	get messagesLoading() {
		return this.#messages.isPending;
	}

	get messagesError() {
		return this.#messages.error ?? undefined;
	}

	/** Cursor of the messages before the loaded ones; null when all are loaded. */
	get olderCursor(): string | null {
		return this.#older.data ?? null;
	}

	permissionFor(messageId: string, callId: string): PermissionRequest | undefined {
		return this.permissions.find(
			(r) => r.tool?.messageID === messageId && r.tool.callID === callId
		);
	}
}
