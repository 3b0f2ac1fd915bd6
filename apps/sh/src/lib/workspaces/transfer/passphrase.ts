import { fromBase64, toBase64 } from '../sealing/base64.ts';

/** A secret encrypted with a key derived from a passphrase the user types (for export files). */
export type PassphraseSealed = { iv: string; data: string };
export type PassphraseKdf = { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/** Derives the AES-GCM key for one export file from its passphrase and salt. */
export async function deriveKey(passphrase: string, kdf: PassphraseKdf): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(passphrase),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: kdf.hash, iterations: kdf.iterations, salt: fromBase64(kdf.salt) },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/** New key-derivation settings with a random salt. */
export function newKdf(): PassphraseKdf {
	return {
		name: 'PBKDF2',
		hash: 'SHA-256',
		iterations: PBKDF2_ITERATIONS,
		salt: toBase64(crypto.getRandomValues(new Uint8Array(16)))
	};
}

export async function encryptWith(key: CryptoKey, text: string): Promise<PassphraseSealed> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const data = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		key,
		new TextEncoder().encode(text)
	);
	return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the passphrase is wrong (AES-GCM's tag does not verify). */
export async function decryptWith(key: CryptoKey, sealed: PassphraseSealed): Promise<string> {
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: fromBase64(sealed.iv) },
		key,
		fromBase64(sealed.data)
	);
	return new TextDecoder().decode(plain);
}
