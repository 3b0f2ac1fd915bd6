import { describe, expect, it } from 'vitest';
import { basicAuthHeader } from './auth.ts';

function decode(header: string): string {
	const binary = atob(header.replace(/^Basic /, ''));
	return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

describe('basicAuthHeader', () => {
	it('encodes ASCII credentials like every HTTP client does', () => {
		expect(basicAuthHeader('opencode', 'secret')).toBe('Basic b3BlbmNvZGU6c2VjcmV0');
	});

	it('encodes non-ASCII passwords as UTF-8', () => {
		const header = basicAuthHeader('user', 'pä ss"wörd$!');
		expect(header).toBe('Basic dXNlcjpww6Qgc3Mid8O2cmQkIQ==');
		expect(decode(header)).toBe('user:pä ss"wörd$!');
	});

	it('handles characters outside Latin-1, where plain btoa throws', () => {
		expect(() => btoa('密码🔑')).toThrow();
		expect(decode(basicAuthHeader('ü', '密码🔑'))).toBe('ü:密码🔑');
	});
});
