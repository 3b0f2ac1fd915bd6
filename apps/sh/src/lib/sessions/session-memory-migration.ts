import type { SessionMemoryEntry, SessionMemoryValue } from './session-memory.svelte.ts';

// Where earlier versions kept what session memory now holds in one entry.
const OLD_CHOICES_KEY = 'opencode-session-choices';
const OLD_LAST_WORKSPACE_KEY = 'opencode-new-session-workspace';
const OLD_DRAFTS_KEY = 'opencode-drafts';

function readJson(storage: Storage | undefined, key: string): unknown {
	try {
		const raw = storage?.getItem(key);
		return raw ? JSON.parse(raw) : undefined;
	} catch {
		return undefined;
	}
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function storages(): { local?: Storage; session?: Storage } {
	try {
		return { local: window.localStorage, session: window.sessionStorage };
	} catch {
		return {};
	}
}

/**
 * Builds session memory from the three entries earlier versions kept (model/agent choices, the
 * last workspace, per-tab drafts), stores it under `key` and, once stored, removes the old
 * entries; undefined when there is nothing to carry over. Values without the expected shape are
 * left out, not guessed at.
 */
export function migrateSessionMemory(key: string): SessionMemoryValue | undefined {
	if (typeof window === 'undefined') return undefined;
	const { local, session } = storages();
	const choices = readJson(local, OLD_CHOICES_KEY);
	const last = readJson(local, OLD_LAST_WORKSPACE_KEY);
	const drafts = readJson(session, OLD_DRAFTS_KEY);
	if (choices === undefined && last === undefined && drafts === undefined) return undefined;

	const sessions: Record<string, SessionMemoryEntry> = {};
	if (isRecord(choices)) {
		for (const [id, choice] of Object.entries(choices)) {
			if (!isRecord(choice)) continue;
			const model = isRecord(choice.model) ? choice.model : undefined;
			sessions[id] = {
				model:
					typeof model?.providerID === 'string' && typeof model.modelID === 'string'
						? { providerID: model.providerID, modelID: model.modelID }
						: undefined,
				agent: typeof choice.agent === 'string' ? choice.agent : undefined
			};
		}
	}
	if (isRecord(drafts)) {
		for (const [id, draft] of Object.entries(drafts)) {
			if (typeof draft === 'string' && draft) sessions[id] = { ...sessions[id], draft };
		}
	}
	const memory = { lastWorkspace: typeof last === 'string' ? last : undefined, sessions };
	try {
		local?.setItem(key, JSON.stringify(memory));
		for (const old of [OLD_CHOICES_KEY, OLD_LAST_WORKSPACE_KEY]) local?.removeItem(old);
		session?.removeItem(OLD_DRAFTS_KEY);
	} catch {
		// Storage is full or off: keep the old entries, to be carried over on a later load.
	}
	return memory;
}
