import { fromBase64, toBase64 } from './base64.ts';
import { loadOrCreateSealingKey, loadSealingKey } from './key-store.ts';

const PREFIX = 'sealed:v1:';

/** The sealing key is gone (site data partly cleared) or does not match: ask for the password. */
export class PasswordUnavailableError extends Error {
	override readonly name = 'PasswordUnavailableError';
}

/** Whether a stored password is sealed (anything else is a plain-text entry from before). */
export function isSealed(stored: string): boolean {
	return stored.startsWith(PREFIX);
}

/** Encrypts a password for storage: `sealed:v1:<iv>:<ciphertext>`, both base64. */
export async function seal(password: string): Promise<string> {
	const key = await loadOrCreateSealingKey();
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ciphertext = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		key,
		new TextEncoder().encode(password)
	);
	return `${PREFIX}${toBase64(iv)}:${toBase64(new Uint8Array(ciphertext))}`;
}

/** Decrypts what {@link seal} made; throws {@link PasswordUnavailableError} without the key. */
export async function unseal(stored: string): Promise<string> {
	if (!isSealed(stored)) return stored;
	const [iv, ciphertext] = stored.slice(PREFIX.length).split(':');
	const key = await loadSealingKey();
	if (!key || !iv || !ciphertext) {
		throw new PasswordUnavailableError('The key that protects this password is gone.');
	}
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: fromBase64(iv) },
			key,
			fromBase64(ciphertext)
		);
		return new TextDecoder().decode(plain);
	} catch (error) {
		throw new PasswordUnavailableError('This password was sealed with another key.', {
			cause: error
		});
	}
}
