import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

const now = Date.UTC(2026, 10, 28, 12);

describe('formatRelativeTime', () => {
	it.each([
		[now - 10_000, 'just now'],
		[now - 5 * 60_000, '5 minutes ago'],
		[now - 3 * 3600_000, '3 hours ago'],
		[now - 24 * 3600_000, 'yesterday'],
		[now - 14 * 24 * 3600_000, '2 weeks ago'],
		[now + 2 * 60_000, 'in 2 minutes']
	])('formats %d', (time, expected) => {
		expect(formatRelativeTime(time, now)).toBe(expected);
	});
});
