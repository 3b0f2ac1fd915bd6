/**
 * The value of an HTTP Basic `Authorization` header. Encodes `user:password` as UTF-8 first:
 * `btoa` alone throws on characters outside Latin-1 and would mangle the rest.
 */
export function basicAuthHeader(username: string, password: string): string {
	const bytes = new TextEncoder().encode(`${username}:${password}`);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return `Basic ${btoa(binary)}`;
}
