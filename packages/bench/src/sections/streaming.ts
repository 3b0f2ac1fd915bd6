import type { Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { measureStream, type StreamResult } from '../measure-stream.ts';
import { medianOf, repeat } from '../stats.ts';
import { chatTarget, replayWorkspaces, UIS, type Target, type Ui } from '../targets.ts';
import type { Ctx, Row, Section } from './types.ts';

type StreamCtx = Ctx & { count: number; rate: number };

const streamRows = (prefix: string, f: Record<Ui, StreamResult | null>): Row[] => {
	const row = (label: string, key: Exclude<keyof StreamResult, 'hotspots'>, unit: string): Row => ({
		label: `${prefix}${label}`,
		unit,
		ours: f.ours?.[key] ?? null,
		theirs: f.theirs?.[key] ?? null
	});
	return [
		row('deltas sent', 'deltas', ''),
		row('main-thread time per delta', 'mainMsPerDelta', 'ms'),
		row('  of which script', 'scriptMsPerDelta', 'ms'),
		row('  of which layout', 'layoutMsPerDelta', 'ms'),
		row('  of which style', 'styleMsPerDelta', 'ms'),
		row('layouts per second', 'layoutsPerSec', ''),
		row('long tasks (> 50 ms)', 'longTasks', ''),
		row('longest long task', 'longestTaskMs', 'ms'),
		row('frames > 20 ms apart', 'slowFrames', ''),
		row('frames', 'frames', ''),
		row('arrival-to-paint p50', 'paintP50Ms', 'ms'),
		row('arrival-to-paint p95', 'paintP95Ms', 'ms'),
		row('arrival-to-paint max', 'paintMaxMs', 'ms'),
		row('  wait for the next frame p95', 'frameWaitP95Ms', 'ms'),
		row('next frame start to paint p95', 'paintAfterFrameP95Ms', 'ms'),
		row('painted in the first frame', 'firstFrameShare', ''),
		row('share of deltas never shown', 'unshownShare', '')
	];
};

async function waitForStreams(check: () => boolean) {
	const until = Date.now() + 20_000;
	while (!check()) {
		if (Date.now() > until) throw new Error('The page did not open its event stream.');
		await sleep(50);
	}
}

/** 4. One open session receiving `count` deltas at `rate` per second. */
export async function streamSection(ctx: StreamCtx): Promise<Section> {
	const { env, browser, runs, log, count, rate } = ctx;
	const session = env.sessions.multi[0]!.session;
	const hub = env.replays[0]!.hub;
	const figures = {} as Record<Ui, StreamResult>;
	const all: Record<string, StreamResult[]> = {};
	for (const ui of UIS) {
		log(`stream: ${count} deltas at ${rate}/s, ${ui}`);
		const results = await repeat(runs, () =>
			measureStream(browser, chatTarget(ui, env.appUrl, env.replays, 0, session), {
				targets: [{ hub, session }],
				count,
				ratePerSec: rate,
				ready: async (page) => {
					await page.getByText(session.lastMarker).first().waitFor({ timeout: 30_000 });
					await waitForStreams(() => (ui === 'ours' ? hub.counts.local : hub.counts.global) > 0);
				}
			})
		);
		all[ui] = results;
		figures[ui] = medianOf(results);
	}
	log('stream: one more run of ours, profiled');
	const profiled = await measureStream(
		browser,
		chatTarget('ours', env.appUrl, env.replays, 0, session),
		{
			targets: [{ hub, session }],
			count,
			ratePerSec: rate,
			profile: true,
			ready: async (page) => {
				await page.getByText(session.lastMarker).first().waitFor({ timeout: 30_000 });
				await waitForStreams(() => hub.counts.local > 0);
			}
		}
	);
	return {
		hotspots: profiled.hotspots,
		id: 'stream',
		title: `4. Streaming ${count} text deltas at ${rate}/s into an open session`,
		notes: [
			'Replayed: the replay server writes `message.part.delta` events (ours reads /event, theirs /global/event).',
			'Arrival-to-paint: from the server writing the delta to the frame after a MutationObserver saw its ⟦n⟧ marker in the DOM.',
			'Wait for the next frame: from the server writing the delta to the start of the next frame (rAF timestamp), which no page can shorten; next frame start to paint: the rest.',
			"Main-thread time: CDP TaskDuration during the stream / deltas (includes the probe's observer)."
		],
		rows: streamRows('', figures),
		runs: all
	};
}

/** 5. Ten sessions streaming at once across three workspaces. */
export async function multiSection(ctx: StreamCtx): Promise<Section> {
	const { env, browser, runs, log, count, rate } = ctx;
	const targets = env.sessions.multi.map(({ session, replay }) => ({
		hub: env.replays[replay]!.hub,
		session
	}));
	const visible = env.sessions.multi[0]!.session;
	const hubs = env.replays.map((r) => r.hub);
	const variants: {
		name: string;
		ui: Ui;
		target: Target;
		onScreen: boolean;
		ready: (page: Page) => Promise<void>;
	}[] = [
		{
			name: 'chat',
			ui: 'ours',
			target: chatTarget('ours', env.appUrl, env.replays, 0, visible),
			onScreen: true,
			ready: async (page) => {
				await page.getByText(visible.lastMarker).first().waitFor({ timeout: 30_000 });
				await waitForStreams(() => hubs[0]!.counts.local > 0);
			}
		},
		{
			name: 'chat',
			ui: 'theirs',
			target: chatTarget('theirs', env.appUrl, env.replays, 0, visible),
			onScreen: true,
			ready: async (page) => {
				await page.getByText(visible.lastMarker).first().waitFor({ timeout: 30_000 });
				await waitForStreams(() => hubs[0]!.counts.global > 0);
			}
		},
		{
			name: 'sessions list',
			ui: 'ours',
			target: { url: `${env.appUrl}/sessions`, workspaces: replayWorkspaces(env.replays) },
			onScreen: false,
			ready: async (page) => {
				await page.getByText('Bench stream 9').first().waitFor({ timeout: 30_000 });
				await waitForStreams(() => hubs.every((h) => h.counts.local > 0));
			}
		}
	];
	const rows: Row[] = [];
	const all: Record<string, StreamResult[]> = {};
	const chat = {} as Record<Ui, StreamResult | null>;
	for (const v of variants) {
		log(`multi: 10 sessions × ${count} deltas at ${rate}/s, ${v.name}, ${v.ui}`);
		const results = await repeat(runs, () =>
			measureStream(browser, v.target, {
				targets,
				count,
				ratePerSec: rate,
				onScreen: v.onScreen,
				ready: v.ready
			})
		);
		all[`${v.name} ${v.ui}`] = results;
		if (v.name === 'chat') chat[v.ui] = medianOf(results);
		else rows.push(...streamRows('sessions page: ', { ours: medianOf(results), theirs: null }));
	}
	rows.unshift(...streamRows('chat page: ', chat));
	return {
		id: 'multi',
		title: `5. 10 sessions streaming at once over 3 workspaces (${count} deltas each at ${rate}/s)`,
		notes: [
			'Sessions 4/3/3 over three replay servers. Chat page: session 0 on screen. "deltas sent" counts all 10 sessions; per-delta time divides by all of them.',
			"Ours on a chat page only opens the shown workspace's stream (4 sessions' deltas arrive); on /sessions it opens all three.",
			'Theirs: the embedded UI talks to its own server only, so it receives the 4 sessions of replay server 0.'
		],
		rows,
		runs: all
	};
}
