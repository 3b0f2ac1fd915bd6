import { describe, expect, it } from 'vitest';
import { prefillFromSearchParams } from './deep-link-prefill.ts';

describe('prefillFromSearchParams', () => {
	it('takes url, port, username and name', () => {
		const { prefill, errors } = prefillFromSearchParams(
			new URLSearchParams('url=http://localhost:4096&port=4096&username=me&name=Laptop')
		);
		expect(prefill).toEqual({
			url: 'http://localhost:4096',
			port: 4096,
			username: 'me',
			name: 'Laptop'
		});
		expect(errors).toEqual({});
	});

	it('never takes a password', () => {
		const { prefill } = prefillFromSearchParams(
			new URLSearchParams('password=leak&url=http://h:1')
		);
		expect(prefill).not.toHaveProperty('password');
	});

	it('reports invalid values as field errors and keeps them for the user to fix', () => {
		const { prefill, errors } = prefillFromSearchParams(
			new URLSearchParams('url=javascript:alert(1)&port=99999')
		);
		expect(prefill.url).toBe('javascript:alert(1)');
		expect(errors.url).toMatch(/http/);
		expect(errors.port).toMatch(/between 1 and 65535/);
		expect(errors.name).toBeUndefined();
	});
});
