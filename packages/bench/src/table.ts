import type { Budget } from './budgets.ts';
import type { Section } from './sections/index.ts';

const fmt = (value: number | null, unit: string): string => {
	if (value === null) return '—';
	if (!Number.isFinite(value)) return 'n/a';
	if (unit === '' && value < 1 && value > 0) return `${(value * 100).toFixed(1)} %`;
	const digits =
		Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
	return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

const ratio = (ours: number | null, theirs: number | null): string =>
	ours === null ||
	theirs === null ||
	!Number.isFinite(ours) ||
	!Number.isFinite(theirs) ||
	theirs === 0
		? ''
		: `${(ours / theirs).toFixed(2)}×`;

/** The sections as plain-text tables: metric, ours, theirs, ours/theirs. */
export function renderSections(sections: Section[]): string {
	const out: string[] = [];
	for (const section of sections) {
		const lines = section.rows.map((r) => [
			r.label,
			fmt(r.ours, r.unit),
			fmt(r.theirs, r.unit),
			ratio(r.ours, r.theirs)
		]);
		const head = ['', 'ours', 'theirs', 'ours/theirs'];
		const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
		const line = (cells: string[]) =>
			cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
		out.push('', section.title, line(head), widths.map((w) => '-'.repeat(w)).join('  '));
		out.push(...lines.map(line));
		for (const note of section.notes) out.push(`  · ${note}`);
		if (section.hotspots?.length) {
			out.push('  Main-thread self time, ours, one extra profiled run (top 8):');
			for (const h of section.hotspots.slice(0, 8))
				out.push(
					`    ${h.selfMs.toFixed(0).padStart(6)} ms  ${h.fn.slice(0, 40)}  ${h.source ?? `${h.url}:${h.line}:${h.column}`}`
				);
		}
	}
	return out.join('\n');
}

/** The budgets as a checklist. */
export function renderBudgets(budgets: Budget[]): string {
	return [
		'',
		'Budgets',
		...budgets.map((b) => `  ${b.status.toUpperCase().padEnd(7)} ${b.name}: ${b.detail}`)
	].join('\n');
}
