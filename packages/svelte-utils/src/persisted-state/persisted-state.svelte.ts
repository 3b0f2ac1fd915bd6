import type { StandardSchemaV1 } from '@standard-schema/spec';
import { createMemoryStorage } from './memory-storage.ts';

/** Why a stored value could not be used as it is; `onParseError` turns it into a value to use. */
export type PersistedStateParseError =
	| { type: 'storage_empty' }
	| { type: 'json_parse_error'; raw: string; error: unknown }
	| {
			type: 'schema_validation_failed';
			value: unknown;
			issues: ReadonlyArray<StandardSchemaV1.Issue>;
	  };

/** The slice of the Web Storage API the store needs. */
export type PersistedStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type PersistedStateOptions<TSchema extends StandardSchemaV1> = {
	/** The storage key. */
	key: string;
	/** Any synchronous Standard Schema validator (zod 4, valibot, arktype...). */
	schema: TSchema;
	/**
	 * Called when the stored value is missing, not JSON, or fails the schema, on load and when
	 * another tab writes; returns the value to use instead.
	 */
	onParseError: (error: PersistedStateParseError) => StandardSchemaV1.InferOutput<TSchema>;
	/**
	 * Called when a write throws (quota exceeded, storage disabled). The in-memory value stays
	 * updated; the next successful write persists it.
	 */
	onUpdateError?: (error: unknown) => void;
	/** Called after a value was written. */
	onUpdateSuccess?: (value: StandardSchemaV1.InferOutput<TSchema>) => void;
	/**
	 * Where to keep the value.
	 * @default window.localStorage, or an in-memory store where that is unavailable
	 */
	storage?: PersistedStorage;
};

export type PersistedState<T> = {
	/** The current value. Reads are synchronous; assigning persists it. */
	value: T;
	/**
	 * Applies `change` to the freshest stored value (a write from another tab that has not been
	 * delivered yet included) and persists the result, so concurrent tabs don't lose each other's
	 * changes. After a failed write it builds on the in-memory value instead, which holds the
	 * changes storage does not have yet.
	 */
	update(change: (current: T) => T): T;
	/** Stops listening for other tabs' writes. */
	destroy(): void;
};

type ParseResult<T> = { ok: true; value: T } | { ok: false; error: PersistedStateParseError };

/**
 * A reactive value kept in localStorage, validated with a Standard Schema on every read from
 * storage and synced across tabs of the same origin.
 */
export function createPersistedState<TSchema extends StandardSchemaV1>(
	options: PersistedStateOptions<TSchema>
): PersistedState<StandardSchemaV1.InferOutput<TSchema>> {
	type T = StandardSchemaV1.InferOutput<TSchema>;
	const { key, schema, onParseError, onUpdateError, onUpdateSuccess } = options;
	const storage = options.storage ?? defaultStorage();

	function parse(raw: string | null): ParseResult<T> {
		if (raw === null) return { ok: false, error: { type: 'storage_empty' } };
		let json: unknown;
		try {
			json = JSON.parse(raw);
		} catch (error) {
			return { ok: false, error: { type: 'json_parse_error', raw, error } };
		}
		const result = schema['~standard'].validate(json);
		if (result instanceof Promise) {
			throw new TypeError(
				`createPersistedState("${key}"): the schema validates asynchronously; only synchronous schemas are supported`
			);
		}
		if (result.issues) {
			return {
				ok: false,
				error: { type: 'schema_validation_failed', value: json, issues: result.issues }
			};
		}
		return { ok: true, value: result.value as T };
	}

	function resolve(raw: string | null): T {
		const parsed = parse(raw);
		return parsed.ok ? parsed.value : onParseError(parsed.error);
	}

	// True while the in-memory value holds changes a failed write could not persist: storage is
	// then older than memory, so changes must build on memory or the unsaved ones are lost.
	let unsaved = false;

	function write(next: T) {
		try {
			storage.setItem(key, JSON.stringify(next));
		} catch (error) {
			unsaved = true;
			onUpdateError?.(error);
			return;
		}
		unsaved = false;
		onUpdateSuccess?.(next);
	}

	let current = $state.raw<T>(resolve(readSafely(storage, key)));

	function set(next: T) {
		current = next;
		write(next);
	}

	function onStorage(event: StorageEvent) {
		if (event.key !== key && event.key !== null) return;
		if (event.storageArea && event.storageArea !== storage) return;
		current = resolve(event.key === null ? null : event.newValue);
	}

	const canListen = typeof window !== 'undefined';
	if (canListen) window.addEventListener('storage', onStorage);

	return {
		get value() {
			return current;
		},
		set value(next) {
			set(next);
		},
		update(change) {
			const stored = unsaved ? undefined : parse(readSafely(storage, key));
			const next = change(stored?.ok ? stored.value : current);
			set(next);
			return next;
		},
		destroy() {
			if (canListen) window.removeEventListener('storage', onStorage);
		}
	};
}

function readSafely(storage: PersistedStorage, key: string): string | null {
	try {
		return storage.getItem(key);
	} catch {
		return null;
	}
}

/** localStorage where it can be used; otherwise (no window, blocked storage) an in-memory map. */
function defaultStorage(): PersistedStorage {
	try {
		if (typeof window !== 'undefined' && window.localStorage) {
			// Reading is the probe: a full storage must still be read, so never probe by writing.
			window.localStorage.getItem('');
			return window.localStorage;
		}
	} catch {
		// Storage disabled by privacy settings or a sandbox: the getter itself throws.
	}
	return createMemoryStorage();
}
