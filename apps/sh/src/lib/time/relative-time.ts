const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
	['year', 365 * 24 * 3600],
	['month', 30 * 24 * 3600],
	['week', 7 * 24 * 3600],
	['day', 24 * 3600],
	['hour', 3600],
	['minute', 60]
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** "just now", "5 minutes ago", "yesterday"... */
export function formatRelativeTime(time: number, now: number): string {
	const seconds = Math.round((time - now) / 1000);
	if (Math.abs(seconds) < 45) return 'just now';
	for (const [unit, size] of UNITS) {
		if (Math.abs(seconds) >= size || unit === 'minute') {
			return relative.format(Math.round(seconds / size), unit);
		}
	}
	return relative.format(seconds, 'second');
}

/** The full local date and time, for a tooltip. */
export function formatExactTime(time: number): string {
	return exact.format(time);
}
