/** Immutable list edits shared by mutations and live events. */

/** `list` without the entry of that id (the same array when there is none). */
export function removeById<T extends { id: string }>(list: readonly T[], id: string): T[] {
	const next = list.filter((entry) => entry.id !== id);
	return next.length === list.length ? (list as T[]) : next;
}

/**
 * `list` with `item` replacing the entry of the same id, or else placed by id: opencode's
 * message and part ids grow with creation time, so ascending ids are creation order.
 */
export function insertInIdOrder<T>(list: readonly T[], item: T, idOf: (entry: T) => string): T[] {
	const id = idOf(item);
	const next = [...list];
	const existing = next.findIndex((entry) => idOf(entry) === id);
	if (existing !== -1) {
		next[existing] = item;
		return next;
	}
	let index = next.length;
	while (index > 0 && idOf(next[index - 1]!) > id) index--;
	next.splice(index, 0, item);
	return next;
}
