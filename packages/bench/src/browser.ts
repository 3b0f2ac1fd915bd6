import {
	chromium,
	type Browser,
	type BrowserContext,
	type CDPSession,
	type Page
} from '@playwright/test';
import {
	WORKSPACES_STORAGE_KEY,
	chromiumLaunchOptions,
	type WorkspaceEntry
} from '@repo/opencode-harness/fixtures';
import { installProbe, type ProbeState } from './page-probe.ts';

/** Debian's Chromium, headless. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions(['--headless']));
}

/** A page in a fresh context (empty cache, no service worker) with the probe installed. */
export type BenchPage = {
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	close(): Promise<void>;
};

/**
 * Opens a fresh context: no cache, service workers blocked (the app's worker would precache
 * every chunk in the background and skew transfer and timing figures), 1280×800.
 */
export async function openPage(
	browser: Browser,
	options: { workspaces?: WorkspaceEntry[]; watch?: string[]; watchBottom?: string[] } = {}
): Promise<BenchPage> {
	const { workspaces, watch = [], watchBottom = [] } = options;
	const context = await browser.newContext({
		serviceWorkers: 'block',
		viewport: { width: 1280, height: 800 }
	});
	if (workspaces) {
		await context.addInitScript(
			([key, value]) => {
				if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
			},
			[WORKSPACES_STORAGE_KEY, JSON.stringify(workspaces)] as const
		);
	}
	// tsx (esbuild keepNames) wraps named functions in `__name(...)`, which the page lacks.
	await context.addInitScript({
		content: `var __name = (fn) => fn; (${installProbe.toString()})();`
	});
	await context.addInitScript(
		([texts, bottom]) => {
			const probe = (window as unknown as { __bench: ProbeState }).__bench;
			for (const text of texts) probe.watch(text);
			for (const text of bottom) probe.watchBottom(text);
		},
		[watch, watchBottom] as const
	);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	return { context, page, cdp, close: () => context.close() };
}

/** Chromium's own counters (`Performance.getMetrics`), after a garbage collection. */
export async function cdpMetrics(
	cdp: CDPSession,
	collect = false
): Promise<Record<string, number>> {
	if (collect) await cdp.send('HeapProfiler.collectGarbage');
	const { metrics } = await cdp.send('Performance.getMetrics');
	return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
