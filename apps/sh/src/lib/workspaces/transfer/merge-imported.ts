import type { Workspace } from '../workspace.ts';

/**
 * Merges imported workspaces into the local list by id. Local entries are never removed; an
 * update keeps the local creation time, the later last use, and the local password unless the
 * file brought one.
 */
export function mergeImported(
	local: readonly Workspace[],
	incoming: readonly Workspace[],
	/** Plain passwords the file brought, by workspace id. */
	passwordsInFile: ReadonlyMap<string, string>
): Workspace[] {
	const merged = local.map((existing) => {
		const update = incoming.find((w) => w.id === existing.id);
		if (!update) return existing;
		return {
			...existing,
			...update,
			createdAt: existing.createdAt,
			lastUsedAt: Math.max(existing.lastUsedAt, update.lastUsedAt),
			password: passwordsInFile.has(existing.id) ? update.password : existing.password
		};
	});
	const known = new Set(local.map((w) => w.id));
	return [...merged, ...incoming.filter((w) => !known.has(w.id))];
}
