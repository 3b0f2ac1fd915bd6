import type { Browser } from '@playwright/test';
import { cdpMetrics, openPage } from './browser.ts';
import type { ProbeState } from './page-probe.ts';
import type { Target } from './targets.ts';

/** Opening one session's chat page cold. Times are ms since navigation start. */
export type OpenResult = {
	firstRenderMs: number;
	/** The newest message inside the list's visible area (scrolled to the end or not). */
	visibleMs: number;
	bottomMs: number;
	domElements: number;
	domNodes: number;
	heapMB: number;
};

const TIMEOUT_MS = 60_000;

/**
 * Navigates to a chat page and times the first frame showing any message text (`MSG#`) and the
 * first frame with the newest message (`lastMarker`) on screen and its list scrolled to the end;
 * then, a second later, counts the DOM and the JS heap (after a garbage collection).
 */
export async function measureOpen(
	browser: Browser,
	target: Target,
	lastMarker: string
): Promise<OpenResult> {
	const bench = await openPage(browser, {
		workspaces: target.workspaces,
		watch: ['MSG#'],
		watchBottom: [lastMarker]
	});
	const { page, cdp } = bench;
	try {
		await page.goto(target.url);
		await page.waitForFunction(
			(marker) => {
				const probe = (window as unknown as { __bench: ProbeState }).__bench;
				return probe.bottomAt[marker] !== undefined && (probe.seenAt['MSG#'] ?? -1) >= 0;
			},
			lastMarker,
			{ timeout: TIMEOUT_MS, polling: 100 }
		);
		await page.waitForTimeout(1_000);
		const probe = await page.evaluate(() => {
			const p = (window as unknown as { __bench: ProbeState }).__bench;
			return {
				seenAt: p.seenAt,
				bottomAt: p.bottomAt,
				visibleAt: p.visibleAt,
				elements: document.getElementsByTagName('*').length
			};
		});
		const metrics = await cdpMetrics(cdp, true);
		return {
			firstRenderMs: probe.seenAt['MSG#']!,
			visibleMs: probe.visibleAt[lastMarker]!,
			bottomMs: probe.bottomAt[lastMarker]!,
			domElements: probe.elements,
			domNodes: metrics.Nodes ?? NaN,
			heapMB: (metrics.JSHeapUsedSize ?? NaN) / 2 ** 20
		};
	} finally {
		await bench.close();
	}
}
