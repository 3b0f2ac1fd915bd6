import type { Section } from './sections/index.ts';

/** One budget: pass, fail, or skipped (its measurement did not run or does not apply). */
export type Budget = { name: string; status: 'pass' | 'fail' | 'skipped'; detail: string };

type Raw = { longestTaskMs: number }[];

const rowOf = (sections: Section[], id: string, label: string) =>
	sections.find((s) => s.id === id)?.rows.find((r) => r.label === label);

const check = (name: string, ok: boolean | undefined, detail: string): Budget => ({
	name,
	status: ok === undefined ? 'skipped' : ok ? 'pass' : 'fail',
	detail
});

/** Checks the budgets against the measured medians (long tasks: the worst run). */
export function checkBudgets(sections: Section[]): Budget[] {
	const budgets: Budget[] = [];
	const js = rowOf(sections, 'transfer', 'workspaces page: JS gzip')?.ours;
	budgets.push(
		check(
			'≤ 100 kB gzip JS to render the workspaces page',
			js == null ? undefined : js <= 100,
			js == null ? 'not measured' : `${js.toFixed(1)} kB`
		)
	);
	const open = rowOf(sections, 'open', '2000 msgs: newest message shown, scrolled to end');
	const measurable =
		open && open.ours !== null && open.theirs !== null && Number.isFinite(open.theirs);
	budgets.push(
		check(
			"2,000-message session opens in < 1/3 of the embedded UI's time",
			measurable ? open.ours! < open.theirs! / 3 : undefined,
			measurable
				? `${open.ours!.toFixed(0)} ms vs ${open.theirs!.toFixed(0)} ms (limit ${(open.theirs! / 3).toFixed(0)} ms)`
				: 'theirs not measured'
		)
	);
	for (const [id, label] of [
		['stream', 'one session'],
		['multi', '10 sessions']
	] as const) {
		const section = sections.find((s) => s.id === id);
		const prefix = id === 'stream' ? '' : 'chat page: ';
		const after = rowOf(sections, id, `${prefix}next frame start to paint p95`)?.ours;
		const raw = rowOf(sections, id, `${prefix}arrival-to-paint p95`)?.ours;
		const wait = rowOf(sections, id, `${prefix}  wait for the next frame p95`)?.ours;
		budgets.push(
			check(
				`streaming (${label}) p95 painted within one frame of arrival`,
				after == null ? undefined : after < 16,
				after == null
					? 'not measured'
					: `next frame start to paint p95 ${after.toFixed(1)} ms; arrival-to-paint p95 ${raw?.toFixed(1)} ms, of which waiting for the frame p95 ${wait?.toFixed(1)} ms`
			)
		);
		const runs = section
			? Object.entries(section.runs as Record<string, Raw>).filter(
					([k]) => k === 'ours' || k.endsWith(' ours')
				)
			: [];
		const worst = runs.length
			? Math.max(...runs.flatMap(([, r]) => r.map((x) => x.longestTaskMs)))
			: undefined;
		budgets.push(
			check(
				`streaming (${label}) no long task > 50 ms`,
				worst === undefined ? undefined : worst <= 50,
				worst === undefined
					? 'not measured'
					: worst === 0
						? 'none in any run'
						: `longest ${worst.toFixed(0)} ms (worst run, ours)`
			)
		);
	}
	return budgets;
}
