import type { PersistedStateParseError } from '@repo/svelte-utils';
import { workspaceSchema, type Workspace } from './workspace.ts';

/** Something the user must hear about the stored workspace list, once. */
export type StorageNotice = { title: string; description: string };

export type Recovery = {
	workspaces: Workspace[];
	notice?: StorageNotice;
	/** Whether the unreadable data is safe in a backup, so the clean list may replace it. */
	backedUp: boolean;
};

export const backupKey = (key: string, now = Date.now()) =>
	`${key}.backup.${new Date(now).toISOString()}`;

/**
 * Turns unreadable stored data into the list to use, losing nothing: every entry that validates
 * is kept, and whatever could not be read is copied to a backup key first.
 */
export function recoverWorkspaces(
	key: string,
	error: PersistedStateParseError,
	storage: Pick<Storage, 'setItem'>
): Recovery {
	if (error.type === 'storage_empty') return { workspaces: [], backedUp: true };

	const kept =
		error.type === 'schema_validation_failed' && Array.isArray(error.value)
			? error.value.flatMap((item) => {
					const parsed = workspaceSchema.safeParse(item);
					return parsed.success ? [parsed.data] : [];
				})
			: [];
	const unreadable =
		error.type === 'json_parse_error'
			? error.raw
			: JSON.stringify(
					Array.isArray(error.value)
						? error.value.filter((item) => !workspaceSchema.safeParse(item).success)
						: error.value
				);

	const backup = backupKey(key);
	let backedUp = true;
	try {
		storage.setItem(backup, unreadable);
	} catch {
		backedUp = false;
	}

	const what =
		error.type === 'json_parse_error'
			? 'The saved workspace list was not readable.'
			: describeInvalid(countUnreadable(error.value));
	const where = backedUp
		? `The unreadable data was copied to the localStorage key "${backup}".`
		: 'It was left in place because there was no room for a backup copy; free some browser storage.';
	const keptText = `${kept.length} workspace${kept.length === 1 ? '' : 's'} loaded.`;
	return {
		workspaces: kept,
		backedUp,
		notice: {
			title: 'Some saved workspaces could not be read',
			description: `${what} ${where} ${keptText}`
		}
	};
}

function describeInvalid(count: number): string {
	return count === 1
		? '1 saved workspace entry was not valid.'
		: `${count} saved workspace entries were not valid.`;
}

function countUnreadable(value: unknown): number {
	return Array.isArray(value)
		? value.filter((item) => !workspaceSchema.safeParse(item).success).length
		: 1;
}
