import type { PersistedStorage } from './persisted-state.svelte.ts';

/** A non-persistent stand-in for localStorage. */
export function createMemoryStorage(): PersistedStorage {
	const items = new Map<string, string>();
	return {
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, String(value)),
		removeItem: (key) => void items.delete(key)
	};
}
