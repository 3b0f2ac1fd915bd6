import type { Browser } from '@playwright/test';
import { cdpMetrics, openPage } from './browser.ts';
import type { ProbeState } from './page-probe.ts';
import { startProfile, stopProfile, type Hotspot } from './profile.ts';
import { quantile } from './stats.ts';
import { streamDeltas, type StreamTarget } from './stream-deltas.ts';
import type { Target } from './targets.ts';

/** Streaming into an open page. */
export type StreamResult = {
	/** Deltas sent, over all sessions. */
	deltas: number;
	/** Main-thread task time (CDP `TaskDuration`) during the stream, per delta sent. */
	mainMsPerDelta: number;
	/** Of that: script, layout, and style recalculation (CDP counters). */
	scriptMsPerDelta: number;
	layoutMsPerDelta: number;
	styleMsPerDelta: number;
	/** Layouts per second of streaming (forced ones included). */
	layoutsPerSec: number;
	longTasks: number;
	longestTaskMs: number;
	/** Frames that came more than 20 ms after the previous one, and all frames. */
	slowFrames: number;
	frames: number;
	/** From the server writing a delta to the frame showing it (visible session only). */
	paintP50Ms: number;
	paintP95Ms: number;
	paintMaxMs: number;
	/**
	 * From the server writing a delta to the start of the next frame: the part of arrival-to-paint
	 * no page can avoid (at 60 Hz its p95 is ~16 ms on its own).
	 */
	frameWaitP95Ms: number;
	/**
	 * From the start of the first frame after a delta arrived to the paint showing it: a few ms
	 * when the delta is painted in that frame, a frame (16.7 ms) more for every frame it misses.
	 */
	paintAfterFrameP95Ms: number;
	/** Share of the visible session's deltas painted in the first frame after they arrived. */
	firstFrameShare: number;
	/** Share of the visible session's deltas that never showed up. */
	unshownShare: number;
	/** Where the main thread spent its time (only when profiled). */
	hotspots?: Hotspot[];
};

/** Options of {@link measureStream}. */
export type StreamOptions = {
	/** `targets[0]` is the session on screen; the others stream alongside. */
	targets: StreamTarget[];
	count: number;
	ratePerSec: number;
	/** Whether `targets[0]` is on screen (false: no arrival-to-paint). @default true */
	onScreen?: boolean;
	/** Sample a CPU profile during the stream (slows the page: not for the figures). */
	profile?: boolean;
	/** Resolves once the page shows the session and its event stream is open. */
	ready: (page: import('@playwright/test').Page) => Promise<void>;
};

/**
 * Opens a page, waits until it is ready and quiet, then streams deltas into every target and
 * reads main-thread time, long tasks, frame gaps and arrival-to-paint delays.
 */
export async function measureStream(
	browser: Browser,
	target: Target,
	options: StreamOptions
): Promise<StreamResult> {
	const bench = await openPage(browser, { workspaces: target.workspaces });
	const { page, cdp } = bench;
	try {
		await page.goto(target.url);
		await options.ready(page);
		await page.waitForTimeout(1_500);
		await page.evaluate(() => {
			const p = (window as unknown as { __bench: ProbeState }).__bench;
			p.longTasks.length = 0;
			p.frames.length = 0;
			p.recordingFrames = true;
		});
		if (options.profile) await startProfile(cdp);
		const before = await cdpMetrics(cdp);
		const streamStart = performance.now();
		const sentAt = await streamDeltas(options.targets, options.count, options.ratePerSec);
		const streamSec = (performance.now() - streamStart) / 1000;
		const last = options.count - 1;
		if (options.onScreen !== false)
			await page
				.waitForFunction(
					(seq) =>
						(window as unknown as { __bench: ProbeState }).__bench.seqPaint[seq] !== undefined,
					last,
					{ timeout: 10_000, polling: 50 }
				)
				.catch(() => undefined);
		const after = await cdpMetrics(cdp);
		const hotspots = options.profile ? await stopProfile(cdp) : undefined;
		const probe = await page.evaluate(() => {
			const p = (window as unknown as { __bench: ProbeState }).__bench;
			p.recordingFrames = false;
			return {
				longTasks: p.longTasks,
				frames: p.frames,
				seqPaint: p.seqPaint,
				timeOrigin: performance.timeOrigin
			};
		});
		const frameStarts = probe.frames.map((t) => probe.timeOrigin + t);
		const delays: number[] = [];
		const frameWaits: number[] = [];
		const afterFrame: number[] = [];
		let firstFrame = 0;
		for (let seq = 0; seq <= last; seq++) {
			const paint = probe.seqPaint[seq];
			if (paint === undefined) continue;
			const sent = sentAt[seq]!;
			delays.push(paint - sent);
			const next = frameStarts.find((start) => start >= sent);
			if (next === undefined) continue;
			frameWaits.push(next - sent);
			afterFrame.push(paint - next);
			// Painted before the frame after `next` began: shown in the first frame after arrival.
			const following = frameStarts.find((start) => start > next);
			if (following === undefined || paint <= following) firstFrame++;
		}
		const gaps = probe.frames.slice(1).map((t, i) => t - probe.frames[i]!);
		const deltas = options.count * options.targets.length;
		// CDP durations are seconds.
		const perDelta = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / deltas;
		return {
			deltas,
			mainMsPerDelta: perDelta('TaskDuration'),
			scriptMsPerDelta: perDelta('ScriptDuration'),
			layoutMsPerDelta: perDelta('LayoutDuration'),
			styleMsPerDelta: perDelta('RecalcStyleDuration'),
			layoutsPerSec: ((after.LayoutCount ?? 0) - (before.LayoutCount ?? 0)) / streamSec,
			longTasks: probe.longTasks.length,
			longestTaskMs: Math.max(0, ...probe.longTasks.map((t) => t.duration)),
			slowFrames: gaps.filter((gap) => gap > 20).length,
			frames: probe.frames.length,
			paintP50Ms: quantile(delays, 0.5),
			paintP95Ms: quantile(delays, 0.95),
			paintMaxMs: quantile(delays, 1),
			frameWaitP95Ms: quantile(frameWaits, 0.95),
			paintAfterFrameP95Ms: quantile(afterFrame, 0.95),
			firstFrameShare: afterFrame.length === 0 ? NaN : firstFrame / afterFrame.length,
			unshownShare: options.onScreen === false ? NaN : 1 - delays.length / options.count,
			...(hotspots ? { hotspots } : {})
		};
	} finally {
		await bench.close();
	}
}
