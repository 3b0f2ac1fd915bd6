import type { StandardSchemaV1 } from '@standard-schema/spec';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createMemoryStorage } from './memory-storage.ts';
import {
	createPersistedState,
	type PersistedStateParseError,
	type PersistedStorage
} from './persisted-state.svelte.ts';

const KEY = 'test-key';
const listSchema = z.array(z.object({ id: z.string(), n: z.number() }));
type List = z.infer<typeof listSchema>;

const cleanups: Array<() => void> = [];

function makeStore(
	overrides: Partial<Parameters<typeof createPersistedState<typeof listSchema>>[0]> = {}
) {
	const onParseError = vi.fn(overrides.onParseError ?? ((_: PersistedStateParseError): List => []));
	const store = createPersistedState({ key: KEY, schema: listSchema, ...overrides, onParseError });
	cleanups.push(() => store.destroy());
	return { store, onParseError };
}

/** What the browser does in every other tab after this one writes. */
function deliverStorageEvent(newValue: string | null, key: string | null = KEY) {
	window.dispatchEvent(
		new StorageEvent('storage', { key, newValue, storageArea: window.localStorage })
	);
}

beforeEach(() => {
	localStorage.clear();
	// A store that logs an error has misbehaved, even when its value looks right.
	vi.spyOn(console, 'error').mockImplementation((...args) => {
		throw new Error(`console.error called: ${args.join(' ')}`);
	});
});

afterEach(() => {
	while (cleanups.length) cleanups.pop()?.();
	vi.restoreAllMocks();
});

describe('loading', () => {
	it('asks onParseError for a value when storage is empty', () => {
		const { store, onParseError } = makeStore({ onParseError: () => [{ id: 'x', n: 0 }] });
		expect(onParseError).toHaveBeenCalledWith({ type: 'storage_empty' });
		expect(store.value).toEqual([{ id: 'x', n: 0 }]);
	});

	it('reads a valid stored value without calling onParseError', () => {
		localStorage.setItem(KEY, JSON.stringify([{ id: 'a', n: 1 }]));
		const { store, onParseError } = makeStore();
		expect(store.value).toEqual([{ id: 'a', n: 1 }]);
		expect(onParseError).not.toHaveBeenCalled();
	});

	it('reports invalid JSON with the raw text', () => {
		localStorage.setItem(KEY, '{not json');
		const { store, onParseError } = makeStore();
		const error = onParseError.mock.calls[0]?.[0];
		expect(error?.type).toBe('json_parse_error');
		expect(error && 'raw' in error ? error.raw : undefined).toBe('{not json');
		expect(store.value).toEqual([]);
	});

	it('reports a schema failure with the parsed value and the issues', () => {
		localStorage.setItem(KEY, JSON.stringify({ not: 'an array' }));
		const { onParseError } = makeStore();
		const error = onParseError.mock.calls[0]?.[0];
		expect(error?.type).toBe('schema_validation_failed');
		if (error?.type !== 'schema_validation_failed') throw new Error('unreachable');
		expect(error.value).toEqual({ not: 'an array' });
		expect(error.issues.length).toBeGreaterThan(0);
	});

	it('uses the value onParseError returns, e.g. a partial recovery', () => {
		localStorage.setItem(KEY, JSON.stringify([{ id: 'ok', n: 1 }, { id: 2 }]));
		const { store } = makeStore({
			onParseError: (error) =>
				error.type === 'schema_validation_failed' && Array.isArray(error.value)
					? error.value.filter((item) => listSchema.element.safeParse(item).success)
					: []
		});
		expect(store.value).toEqual([{ id: 'ok', n: 1 }]);
	});

	it('refuses an asynchronous schema with a clear error', () => {
		localStorage.setItem(KEY, '[]');
		const asyncSchema: StandardSchemaV1<unknown, List> = {
			'~standard': {
				version: 1,
				vendor: 'test',
				validate: async (value) => ({ value: value as List })
			}
		};
		expect(() =>
			createPersistedState({ key: KEY, schema: asyncSchema, onParseError: () => [] })
		).toThrow(/asynchronously/);
	});
});

describe('writing', () => {
	it('persists an assigned value and reports success', () => {
		const onUpdateSuccess = vi.fn();
		const { store } = makeStore({ onUpdateSuccess });
		store.value = [{ id: 'a', n: 1 }];
		expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual([{ id: 'a', n: 1 }]);
		expect(onUpdateSuccess).toHaveBeenCalledWith([{ id: 'a', n: 1 }]);
	});

	it('keeps the in-memory value when a write fails, and persists it on the next good write', () => {
		let full = true;
		const memory = createMemoryStorage();
		const storage: PersistedStorage = {
			getItem: (key) => memory.getItem(key),
			removeItem: (key) => memory.removeItem(key),
			setItem: (key, value) => {
				if (full) throw new DOMException('quota', 'QuotaExceededError');
				memory.setItem(key, value);
			}
		};
		const onUpdateError = vi.fn();
		const { store } = makeStore({ storage, onUpdateError });

		store.value = [{ id: 'a', n: 1 }];
		expect(onUpdateError).toHaveBeenCalledOnce();
		expect((onUpdateError.mock.calls[0]?.[0] as DOMException).name).toBe('QuotaExceededError');
		expect(store.value).toEqual([{ id: 'a', n: 1 }]);
		expect(memory.getItem(KEY)).toBeNull();

		full = false;
		store.value = [...store.value, { id: 'b', n: 2 }];
		expect(JSON.parse(memory.getItem(KEY)!)).toEqual([
			{ id: 'a', n: 1 },
			{ id: 'b', n: 2 }
		]);
	});

	it('builds the next update on memory while a failed write left storage behind', () => {
		let full = false;
		const memory = createMemoryStorage();
		const storage: PersistedStorage = {
			getItem: (key) => memory.getItem(key),
			removeItem: (key) => memory.removeItem(key),
			setItem: (key, value) => {
				if (full) throw new DOMException('quota', 'QuotaExceededError');
				memory.setItem(key, value);
			}
		};
		const { store } = makeStore({ storage, onUpdateError: () => {} });
		store.update((list) => [...list, { id: 'saved', n: 1 }]);
		full = true;
		store.update((list) => [...list, { id: 'unsaved', n: 2 }]);
		full = false;
		store.update((list) => [...list, { id: 'later', n: 3 }]);
		expect(JSON.parse(memory.getItem(KEY)!).map((item: { id: string }) => item.id)).toEqual([
			'saved',
			'unsaved',
			'later'
		]);
	});

	it('is reactive: effects rerun when the value is assigned', () => {
		const { store } = makeStore();
		const seen: number[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(store.value.length);
			});
		});
		flushSync();
		store.value = [{ id: 'a', n: 1 }];
		flushSync();
		stop();
		expect(seen).toEqual([0, 1]);
	});
});

describe('without localStorage', () => {
	it('falls back to memory when localStorage throws on access', () => {
		const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('blocked', 'SecurityError');
			}
		});
		try {
			const { store, onParseError } = makeStore();
			expect(onParseError).toHaveBeenCalledWith({ type: 'storage_empty' });
			store.value = [{ id: 'a', n: 1 }];
			expect(store.value).toEqual([{ id: 'a', n: 1 }]);
		} finally {
			Object.defineProperty(window, 'localStorage', descriptor);
		}
	});

	it('still reads a full localStorage instead of falling back to memory', () => {
		localStorage.setItem(KEY, JSON.stringify([{ id: 'kept', n: 1 }]));
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('quota', 'QuotaExceededError');
		});
		const onUpdateError = vi.fn();
		const { store } = makeStore({ onUpdateError });
		expect(store.value).toEqual([{ id: 'kept', n: 1 }]);
		store.value = [];
		expect(onUpdateError).toHaveBeenCalledOnce();
	});
});

describe('two tabs', () => {
	it('delivers a write from one tab to the other', () => {
		const { store: tabA } = makeStore();
		const { store: tabB } = makeStore();
		tabA.value = [{ id: 'a', n: 1 }];
		deliverStorageEvent(localStorage.getItem(KEY));
		expect(tabB.value).toEqual([{ id: 'a', n: 1 }]);
	});

	it('updates effects in the receiving tab', () => {
		const { store: tabB } = makeStore();
		const seen: number[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(tabB.value.length);
			});
		});
		flushSync();
		deliverStorageEvent(JSON.stringify([{ id: 'a', n: 1 }]));
		flushSync();
		stop();
		expect(seen).toEqual([0, 1]);
	});

	it('passes a foreign write that fails validation through onParseError', () => {
		const { store: tabB, onParseError } = makeStore({
			onParseError: (): List => [{ id: 'fallback', n: 0 }]
		});
		onParseError.mockClear();
		deliverStorageEvent('[{"id": 5}]');
		expect(onParseError).toHaveBeenCalledWith(
			expect.objectContaining({ type: 'schema_validation_failed' })
		);
		expect(tabB.value).toEqual([{ id: 'fallback', n: 0 }]);
	});

	it('treats a removed key or a cleared storage as empty', () => {
		localStorage.setItem(KEY, JSON.stringify([{ id: 'a', n: 1 }]));
		const { store, onParseError } = makeStore();
		deliverStorageEvent(null);
		expect(onParseError).toHaveBeenLastCalledWith({ type: 'storage_empty' });
		expect(store.value).toEqual([]);
		store.value = [{ id: 'b', n: 2 }];
		deliverStorageEvent(null, null);
		expect(store.value).toEqual([]);
	});

	it('ignores writes to other keys', () => {
		const { store, onParseError } = makeStore();
		onParseError.mockClear();
		deliverStorageEvent('garbage', 'another-key');
		expect(onParseError).not.toHaveBeenCalled();
		expect(store.value).toEqual([]);
	});

	it('update() applies a change to what the other tab wrote, even before its event arrives', () => {
		const { store: tabA } = makeStore();
		const { store: tabB } = makeStore();
		tabA.update((list) => [...list, { id: 'a', n: 1 }]);
		// No storage event delivered yet: tabB still shows the old list...
		expect(tabB.value).toEqual([]);
		tabB.update((list) => [...list, { id: 'b', n: 2 }]);
		// ...but its change was applied to the stored one, so neither addition is lost.
		deliverStorageEvent(localStorage.getItem(KEY));
		expect(tabA.value.map((w) => w.id)).toEqual(['a', 'b']);
		expect(tabB.value.map((w) => w.id)).toEqual(['a', 'b']);
	});

	it('stops listening after destroy()', () => {
		const { store } = makeStore();
		store.destroy();
		deliverStorageEvent(JSON.stringify([{ id: 'a', n: 1 }]));
		expect(store.value).toEqual([]);
	});
});
