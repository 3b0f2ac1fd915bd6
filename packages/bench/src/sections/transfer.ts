import type { Page } from '@playwright/test';
import { measureTransfer, type Transfer } from '../measure-transfer.ts';
import { medianOf, repeat } from '../stats.ts';
import { chatTarget, replayWorkspaces, UIS, type Target, type Ui } from '../targets.ts';
import type { Ctx, Row, Section } from './types.ts';

const showsMessages = (page: Page) => page.getByText(/MSG#/).first().waitFor({ timeout: 30_000 });

/** 1. JS and CSS fetched until the first render of a list page and of a chat page. */
export async function transferSection({ env, browser, runs, log }: Ctx): Promise<Section> {
	const { appUrl, replays, sessions } = env;
	const pages: {
		name: string;
		target: (ui: Ui) => Target;
		ready: (ui: Ui, page: Page) => Promise<void>;
	}[] = [
		{
			name: 'workspaces page',
			target: (ui) =>
				ui === 'ours'
					? { url: `${appUrl}/workspaces`, workspaces: replayWorkspaces(replays) }
					: { url: `${replays[0]!.url}/` },
			ready: (ui, page) =>
				ui === 'ours'
					? page.getByTestId('workspace-row').first().waitFor({ timeout: 30_000 })
					: page.getByPlaceholder('Search sessions').waitFor({ timeout: 30_000 })
		},
		{
			name: 'chat page',
			target: (ui) => chatTarget(ui, appUrl, replays, 0, sessions.small),
			ready: (_ui, page) => showsMessages(page)
		}
	];
	const rows: Row[] = [];
	const all: Record<string, unknown> = {};
	for (const { name, target, ready } of pages) {
		const figures = {} as Record<Ui, Transfer>;
		for (const ui of UIS) {
			log(`transfer: ${name}, ${ui}`);
			const results = await repeat(runs, () =>
				measureTransfer(browser, target(ui), (page) => ready(ui, page))
			);
			all[`${name} ${ui}`] = results;
			figures[ui] = medianOf(results);
		}
		const kb = (ui: Ui, key: Exclude<keyof Transfer, 'list'>) => figures[ui][key] / 1000;
		rows.push(
			{
				label: `${name}: JS gzip`,
				unit: 'kB',
				ours: kb('ours', 'jsGzip'),
				theirs: kb('theirs', 'jsGzip')
			},
			{
				label: `${name}: JS raw`,
				unit: 'kB',
				ours: kb('ours', 'jsRaw'),
				theirs: kb('theirs', 'jsRaw')
			},
			{
				label: `${name}: JS on the wire`,
				unit: 'kB',
				ours: kb('ours', 'jsWire'),
				theirs: kb('theirs', 'jsWire')
			},
			{
				label: `${name}: CSS gzip`,
				unit: 'kB',
				ours: kb('ours', 'cssGzip'),
				theirs: kb('theirs', 'cssGzip')
			},
			{
				label: `${name}: JS+CSS files`,
				unit: '',
				ours: figures.ours.files,
				theirs: figures.theirs.files
			}
		);
	}
	return {
		id: 'transfer',
		title: '1. JS/CSS to first render (gzip = zlib -6 of each body, computed here)',
		notes: [
			'Theirs: the embedded UI loaded through a replay server (assets proxied unchanged from the real server); its "workspaces page" is its home page `/`.',
			'Service workers blocked (ours would precache every chunk in the background after first render).'
		],
		rows,
		runs: all
	};
}
