import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { openPage } from './browser.ts';
import type { Target } from './targets.ts';

/** JS and CSS fetched until a page first rendered, in bytes. */
export type Transfer = {
	jsRaw: number;
	jsGzip: number;
	jsWire: number;
	cssRaw: number;
	cssGzip: number;
	cssWire: number;
	files: number;
	/** Each file's path and gzip size, largest first (for finding what to cut). */
	list: { path: string; gzip: number }[];
};

/**
 * Loads a page in a fresh context and sums the JS and CSS responses received until `ready`
 * resolves: raw size, gzip size (zlib level 6, computed here, since the app's static server
 * does not compress) and bytes on the wire (`encodedBodySize`).
 */
export async function measureTransfer(
	browser: Browser,
	target: Target,
	ready: (page: Page) => Promise<void>
): Promise<Transfer> {
	const bench = await openPage(browser, { workspaces: target.workspaces });
	const { page } = bench;
	const bodies: Promise<{ url: string; kind: 'js' | 'css'; body: Buffer } | null>[] = [];
	let collecting = true;
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (!collecting || (type !== 'script' && type !== 'stylesheet')) return;
		const kind = type === 'script' ? 'js' : 'css';
		bodies.push(
			response
				.body()
				.then((body) => ({ url: response.url(), kind, body }) as const)
				.catch(() => null)
		);
	});
	try {
		await page.goto(target.url);
		await ready(page);
		collecting = false;
		const wire = await page.evaluate(() =>
			Object.fromEntries(
				performance
					.getEntriesByType('resource')
					.map((e) => [e.name, (e as PerformanceResourceTiming).encodedBodySize])
			)
		);
		const total: Transfer = {
			jsRaw: 0,
			jsGzip: 0,
			jsWire: 0,
			cssRaw: 0,
			cssGzip: 0,
			cssWire: 0,
			files: 0,
			list: []
		};
		for (const file of await Promise.all(bodies)) {
			if (!file) continue;
			total.files++;
			const gzip = gzipSync(file.body, { level: 6 }).length;
			total.list.push({ path: new URL(file.url).pathname, gzip });
			total[`${file.kind}Raw`] += file.body.length;
			total[`${file.kind}Gzip`] += gzip;
			total[`${file.kind}Wire`] += wire[file.url] ?? 0;
		}
		total.list.sort((a, b) => b.gzip - a.gzip);
		return total;
	} finally {
		await bench.close();
	}
}
