import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';
import { versionProblem } from './version.ts';

describe('backoffDelay', () => {
	it('doubles from the base up to the cap, with jitter in the upper half', () => {
		const options = { baseMs: 1_000, maxMs: 30_000 };
		const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
		ceilings.forEach((ceiling, index) => {
			expect(backoffDelay(index + 1, options, () => 0)).toBe(ceiling / 2);
			expect(backoffDelay(index + 1, options, () => 1)).toBe(ceiling);
			expect(backoffDelay(index + 1, options, () => 0.5)).toBe(ceiling * 0.75);
		});
	});

	it('spreads clients out', () => {
		const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
		expect(delays.size).toBeGreaterThan(1);
		for (const delay of delays) {
			expect(delay).toBeGreaterThanOrEqual(4_000);
			expect(delay).toBeLessThanOrEqual(8_000);
		}
	});
});

describe('versionProblem', () => {
	it.each(['1.18.33', '1.0.0', 'v1.2.3', '1.19.0-beta.1'])('accepts %s', (version) => {
		expect(versionProblem(version)).toBeUndefined();
	});

	it.each([
		['2.0.0', /not supported/],
		['0.9.1', /not supported/],
		['dev', /unknown version/],
		['', /unknown version/]
	])('refuses %s', (version, message) => {
		expect(versionProblem(version)).toMatch(message);
	});
});
