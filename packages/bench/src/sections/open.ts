import { measureOpen } from '../measure-open.ts';
import { medianOf, repeat } from '../stats.ts';
import { chatTarget, UIS, type Ui } from '../targets.ts';
import type { Ctx, Row, Section } from './types.ts';

/** 3. Opening a 200- and a 2,000-message session cold. */
export async function openSection({ env, browser, runs, log }: Ctx): Promise<Section> {
	const rows: Row[] = [];
	const all: Record<string, unknown> = {};
	for (const session of [env.sessions.open200, env.sessions.open2000]) {
		const n = session.messages.length;
		const figures = {} as Record<Ui, Awaited<ReturnType<typeof measureOpen>>>;
		for (const ui of UIS) {
			log(`open: ${n} messages, ${ui}`);
			const target = chatTarget(ui, env.appUrl, env.replays, 0, session);
			const results = await repeat(runs, () => measureOpen(browser, target, session.lastMarker));
			all[`${n} ${ui}`] = results;
			figures[ui] = medianOf(results);
		}
		const row = (label: string, key: keyof (typeof figures)['ours'], unit: string): Row => ({
			label: `${n} msgs: ${label}`,
			unit,
			ours: figures.ours[key],
			theirs: figures.theirs[key]
		});
		rows.push(
			row('first message rendered', 'firstRenderMs', 'ms'),
			row('newest message visible', 'visibleMs', 'ms'),
			row('newest message shown, scrolled to end', 'bottomMs', 'ms'),
			row('DOM elements', 'domElements', ''),
			row('DOM nodes (CDP)', 'domNodes', ''),
			row('JS heap after GC', 'heapMB', 'MB')
		);
	}
	return {
		id: 'open',
		title: '3. Opening a session (ms from navigation start, cold page)',
		notes: [
			"Replayed: messages cloned from a real recorded exchange (user text, assistant with a completed bash tool part, assistant markdown), served by the replay server with opencode's paging (limit/before, X-Next-Cursor).",
			'Both UIs load only the newest page (ours 40 messages, theirs 20) and page in older ones on demand.',
			"Theirs waits for the real server's /provider (a multi-MB catalogue, seconds under load) before it shows the session; loaded directly from the real server (all routes real) it was slower still in a check, so the replay does not handicap it."
		],
		rows,
		runs: all
	};
}
