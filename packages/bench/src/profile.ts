import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { BUILD_DIR } from '@repo/tooling/src/serve-app.ts';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** Self time of one function in a CPU profile. */
export type Hotspot = {
	selfMs: number;
	fn: string;
	url: string;
	line: number;
	column: number;
	/** `src/...:line (name)` when the app was built with source maps (`vite build --sourcemap`). */
	source?: string;
};

type ProfileNode = {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Starts sampling the page's main thread (CDP Profiler, 1 ms interval). */
export async function startProfile(cdp: CDPSession): Promise<void> {
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
	await cdp.send('Profiler.start');
}

/**
 * Stops sampling and sums self time per function (file, line and column included: in a
 * minified build the position is what names the code), largest first.
 */
export async function stopProfile(cdp: CDPSession, top = 15): Promise<Hotspot[]> {
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	profile.samples.forEach((id, i) =>
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
	);
	const spots = new Map<string, Hotspot>();
	for (const [id, micros] of self) {
		const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
		const key = `${functionName} ${url}:${lineNumber}:${columnNumber}`;
		const spot = spots.get(key) ?? {
			selfMs: 0,
			fn: functionName || '(anonymous)',
			url: url.replace(/^https?:\/\/[^/]+/, ''),
			line: lineNumber + 1,
			column: columnNumber + 1
		};
		spot.selfMs += micros / 1000;
		spots.set(key, spot);
	}
	return [...spots.values()]
		.sort((a, b) => b.selfMs - a.selfMs)
		.slice(0, top)
		.map(withSource);
}

const maps = new Map<string, SourceMapConsumer | null>();

/** Adds the original position from the build's `.map` file, if there is one. */
function withSource(spot: Hotspot): Hotspot {
	if (!spot.url.startsWith('/_app/')) return spot;
	const file = join(BUILD_DIR, `${spot.url}.map`);
	if (!maps.has(file))
		maps.set(
			file,
			existsSync(file)
				? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8')) as RawSourceMap)
				: null
		);
	const map = maps.get(file);
	const pos = map?.originalPositionFor({ line: spot.line, column: spot.column - 1 });
	if (!pos?.source) return spot;
	const source = pos.source.replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, '');
	return { ...spot, source: `${source}:${pos.line}${pos.name ? ` (${pos.name})` : ''}` };
}
