import { createPersistedState, type PersistedStorage } from '@repo/svelte-utils';
import { nanoid } from 'nanoid';
import * as z from 'zod/mini';
import { isSealed, seal } from './sealing/seal.ts';
import type { ImportPreviewItem } from './transfer/import-workspaces.ts';
import { mergeImported } from './transfer/merge-imported.ts';
import { recoverWorkspaces, type StorageNotice } from './storage-recovery.ts';
import {
	validateWorkspaceInput,
	workspaceSchema,
	type ValidationResult,
	type Workspace,
	type WorkspaceFieldErrors,
	type WorkspaceInput
} from './workspace.ts';

export const WORKSPACES_KEY = 'opencode-workspaces';

export type WorkspaceStoreOptions = {
	/** @default window.localStorage (in-memory where that is unavailable) */
	storage?: PersistedStorage;
	/** @default Date.now */
	now?: () => number;
	/** Turns a typed password into what is stored. @default {@link seal} (AES-GCM) */
	sealPassword?: (password: string) => Promise<string>;
};

export type SaveResult =
	{ ok: true; workspace: Workspace } | Extract<ValidationResult, { ok: false }>;

/**
 * The stored workspace list: validated, recovered without loss when storage is damaged, and
 * changed only through functions that apply each change to the freshest stored list, so tabs
 * adding or editing at the same time never overwrite each other.
 */
export function createWorkspaceStore(options: WorkspaceStoreOptions = {}) {
	const now = options.now ?? Date.now;
	const sealPassword = options.sealPassword ?? seal;
	const backupStorage = options.storage ?? browserStorageOrNull();
	let notices = $state<StorageNotice[]>([]);
	let loadRecovery: ReturnType<typeof recoverWorkspaces> | undefined;

	const state = createPersistedState({
		key: WORKSPACES_KEY,
		schema: z.array(workspaceSchema),
		storage: options.storage,
		onParseError(error) {
			const recovery = recoverWorkspaces(WORKSPACES_KEY, error, backupStorage ?? noStorage);
			if (recovery.notice) notices = [...notices, recovery.notice];
			loadRecovery ??= recovery;
			return recovery.workspaces;
		},
		onUpdateError(error) {
			notices = [
				...notices,
				{
					title: 'Changes to your workspaces were not saved',
					description: `The browser refused to store them (${errorName(error)}). They stay in this tab until a later save succeeds; free some browser storage and try again.`
				}
			];
		}
	});

	// Replace damaged data with the clean list only once it is safe in a backup.
	if (loadRecovery?.notice && loadRecovery.backedUp) state.value = [...state.value];

	async function trySeal(
		password: string
	): Promise<{ ok: true; sealed: string } | { ok: false; errors: WorkspaceFieldErrors }> {
		try {
			return { ok: true, sealed: await sealPassword(password) };
		} catch (error) {
			return { ok: false, errors: { password: sealingFailed(error).description } };
		}
	}

	function byId(id: string) {
		return state.value.find((w) => w.id === id);
	}

	return {
		/** Every stored workspace, in the order they were added. */
		get list(): readonly Workspace[] {
			return state.value;
		},

		/** Messages about storage the UI should show once; reading them empties the list. */
		takeNotices(): StorageNotice[] {
			const taken = notices;
			if (taken.length) notices = [];
			return taken;
		},

		get hasNotices() {
			return notices.length > 0;
		},

		getWorkspace: byId,

		async createWorkspace(input: WorkspaceInput): Promise<SaveResult> {
			const valid = validateWorkspaceInput(input);
			if (!valid.ok) return valid;
			const password = await trySeal(valid.value.password);
			if (!password.ok) return password;
			const time = now();
			const workspace: Workspace = {
				...valid.value,
				password: password.sealed,
				id: nanoid(),
				createdAt: time,
				lastUsedAt: time
			};
			state.update((list) => [...list, workspace]);
			return { ok: true, workspace };
		},

		/** Changes a workspace; a `password` in `changes` is the new plain-text password. */
		async updateWorkspace(id: string, changes: Partial<WorkspaceInput>): Promise<SaveResult> {
			const existing = byId(id);
			if (!existing) {
				return { ok: false, errors: { name: 'This workspace no longer exists.' } };
			}
			const valid = validateWorkspaceInput({ ...existing, ...changes });
			if (!valid.ok) return valid;
			let password = existing.password;
			if (changes.password !== undefined) {
				const sealed = await trySeal(valid.value.password);
				if (!sealed.ok) return sealed;
				password = sealed.sealed;
			}
			const updates = { ...valid.value, password };
			let saved: Workspace = { ...existing, ...updates };
			state.update((list) => list.map((w) => (w.id === id ? (saved = { ...w, ...updates }) : w)));
			return { ok: true, workspace: saved };
		},

		/** Seals passwords stored in plain text by earlier versions; loses no workspace. */
		async sealPlainPasswords() {
			try {
				for (const workspace of state.value) {
					if (isSealed(workspace.password)) continue;
					const plain = workspace.password;
					const sealed = await sealPassword(plain);
					state.update((list) =>
						list.map((w) =>
							w.id === workspace.id && w.password === plain ? { ...w, password: sealed } : w
						)
					);
				}
			} catch (error) {
				notices = [...notices, sealingFailed(error)];
			}
		},

		/**
		 * Merges previewed import entries: new ones are added, ones with a local id update it, ones
		 * whose URL is already here are skipped. Local entries are never removed.
		 * @param passwords plain passwords from the file, by workspace id
		 */
		async importWorkspaces(
			items: readonly ImportPreviewItem[],
			passwords: ReadonlyMap<string, string>
		): Promise<{ added: number; updated: number; skipped: number }> {
			const incoming: Workspace[] = [];
			for (const { workspace, action } of items) {
				if (action === 'same_url') continue;
				const { password: _encrypted, ...fields } = workspace;
				// Without a password in the file, a new entry gets an empty one; the user adds it later.
				const sealed = await trySeal(passwords.get(workspace.id) ?? '');
				if (!sealed.ok) throw new Error(sealed.errors.password);
				incoming.push({ ...fields, password: sealed.sealed });
			}
			state.update((list) => mergeImported(list, incoming, passwords));
			const updated = items.filter((i) => i.action === 'update').length;
			const skipped = items.filter((i) => i.action === 'same_url').length;
			return { added: incoming.length - updated, updated, skipped };
		},

		/** Records that the workspace was just used (e.g. a session was opened on it). */
		markWorkspaceUsed(id: string) {
			const time = now();
			state.update((list) => list.map((w) => (w.id === id ? { ...w, lastUsedAt: time } : w)));
		},

		deleteWorkspace(id: string) {
			state.update((list) => list.filter((w) => w.id !== id));
		},

		destroy() {
			state.destroy();
		}
	};
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;

const noStorage = {
	setItem() {
		throw new Error('no storage');
	}
};

function browserStorageOrNull(): Pick<Storage, 'setItem'> | null {
	try {
		return typeof window === 'undefined' ? null : window.localStorage;
	} catch {
		return null;
	}
}

function sealingFailed(error: unknown): StorageNotice {
	return {
		title: 'Passwords could not be encrypted',
		description: `This browser refused to store the encryption key (${errorName(error)}). No new password was saved in plain text; allow site data for this app and try again.`
	};
}

function errorName(error: unknown): string {
	return error instanceof Error || error instanceof DOMException ? error.name : 'unknown error';
}
