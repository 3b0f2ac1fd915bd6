/** The value at quantile `q` (0–1) of the numbers, by nearest rank; NaN when there are none. */
export function quantile(values: number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The median of the numbers. */
export function median(values: number[]): number {
	const finite = values.filter(Number.isFinite);
	if (finite.length === 0) return NaN;
	const sorted = [...finite].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per key, the median over runs of that key's value. */
export function medianOf<T extends object>(runs: T[]): T {
	const first = (runs[0] ?? {}) as Record<string, unknown>;
	const keys = Object.keys(first).filter((k) => typeof first[k] === 'number') as (keyof T)[];
	return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k] as number))])) as T;
}

/** Runs `fn` `times` times one after another. */
export async function repeat<T>(times: number, fn: (run: number) => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	for (let run = 0; run < times; run++) results.push(await fn(run));
	return results;
}
