import { createStore, get, set, type UseStore } from 'idb-keyval';

const KEY_NAME = 'workspace-passwords';

let store: UseStore | undefined;
function keyStore(): UseStore {
	store ??= createStore('opencode-sh', 'keys');
	return store;
}

/**
 * The AES-GCM key that seals workspace passwords. It lives in IndexedDB as a non-extractable
 * CryptoKey: script can use it but never read its bytes, and a copy of localStorage alone is
 * useless without it.
 */
export async function loadSealingKey(): Promise<CryptoKey | undefined> {
	return get<CryptoKey>(KEY_NAME, keyStore());
}

/** The sealing key, generated and stored on first use. */
export async function loadOrCreateSealingKey(): Promise<CryptoKey> {
	const existing = await loadSealingKey();
	if (existing) return existing;
	const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
		'encrypt',
		'decrypt'
	]);
	await set(KEY_NAME, key, keyStore());
	return key;
}
