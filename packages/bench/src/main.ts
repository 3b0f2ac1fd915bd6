import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { stopAll } from '@repo/opencode-harness';
import { launchBrowser } from './browser.ts';
import { checkBudgets } from './budgets.ts';
import {
	multiSection,
	openSection,
	streamSection,
	transferSection,
	workspacesSection,
	type Section
} from './sections/index.ts';
import { setUp } from './setup.ts';
import { renderBudgets, renderSections } from './table.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_ONLY?.split(',');
const STREAM = {
	count: Number(process.env.BENCH_DELTAS ?? 3000),
	rate: Number(process.env.BENCH_RATE ?? 300)
};
const MULTI = {
	count: Number(process.env.BENCH_MULTI_DELTAS ?? 1000),
	rate: Number(process.env.BENCH_MULTI_RATE ?? 100)
};
const RESULTS = join(import.meta.dirname, '../../../bench-results/latest.json');

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const wanted = (id: string) => !ONLY || ONLY.includes(id);

const started = Date.now();
const load = loadavg()[0]!.toFixed(1);
const env = await setUp();
const browser = await launchBrowser();
const sections: Section[] = [];
try {
	const ctx = { env, browser, runs: RUNS, log };
	// Workspaces first: the embedded UI's requests (proxied to real server A) can keep A busy.
	if (wanted('workspaces')) sections.push(await workspacesSection(ctx));
	if (wanted('transfer')) sections.push(await transferSection(ctx));
	if (wanted('open')) sections.push(await openSection(ctx));
	if (wanted('stream')) sections.push(await streamSection({ ...ctx, ...STREAM }));
	if (wanted('multi')) sections.push(await multiSection({ ...ctx, ...MULTI }));
} finally {
	await browser.close();
	await env.stop();
	await stopAll();
}

const ORDER = ['transfer', 'workspaces', 'open', 'stream', 'multi'];
sections.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
const budgets = checkBudgets(sections);
const proxied = [...new Set(env.replays.flatMap((r) => [...r.proxied]))].sort();
const header = [
	`pnpm bench: medians of ${RUNS} runs · opencode ${env.recording.version} · Chromium headless`,
	`machine: ${cpus().length} cores, load ${load} at start (shared; figures are noisy) · ${Math.round((Date.now() - started) / 1000)} s`,
	'Real: two opencode servers (workspaces page, the recording, the embedded UI and its assets).',
	'Replayed: sessions, messages and events (sections 1 chat, 3, 4, 5), from a recorded real session.'
].join('\n');
console.log(header + renderSections(sections) + '\n' + renderBudgets(budgets));
console.log(
	`\nRoutes the replay servers passed to the real server: ${proxied.join(', ') || 'none'}`
);

mkdirSync(join(RESULTS, '..'), { recursive: true });
writeFileSync(
	RESULTS,
	JSON.stringify(
		{
			date: new Date().toISOString(),
			runs: RUNS,
			loadAtStart: Number(load),
			version: env.recording.version,
			sections,
			budgets,
			proxied
		},
		null,
		'\t'
	)
);
console.log(`Wrote ${RESULTS}`);
process.exit(budgets.some((b) => b.status === 'fail') ? 1 : 0);
