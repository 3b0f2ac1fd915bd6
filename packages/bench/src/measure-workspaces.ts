import type { Browser } from '@playwright/test';
import type { WorkspaceEntry } from '@repo/opencode-harness/fixtures';
import { openPage } from './browser.ts';

/** The workspaces page with many workspaces. Times are ms since navigation start. */
export type WorkspacesResult = {
	tableMs: number;
	firstConnectedMs: number;
	/** Every workspace on a real server shows connected. */
	fastConnectedMs: number;
	allResolvedMs: number;
	connected: number;
	unreachable: number;
	/** Per workspace name: when it first left `connecting`, and the state it ended in. */
	perRow: Record<string, { ms: number; state: string }>;
};

/**
 * Opens `/workspaces` with the given workspaces stored and samples every frame for: all rows
 * shown, the first `connected` badge, every `fastIds` row connected, and no row `connecting`.
 */
export async function measureWorkspaces(
	browser: Browser,
	appUrl: string,
	workspaces: WorkspaceEntry[],
	fastIds: string[]
): Promise<WorkspacesResult> {
	const bench = await openPage(browser, { workspaces });
	const { page } = bench;
	try {
		await page.goto(`${appUrl}/workspaces`);
		const handle = await page.waitForFunction(
			([total, fast]) => {
				const w = window as unknown as { __ws?: Record<string, number> };
				const marks = (w.__ws ??= {});
				const now = performance.now();
				const rows = [...document.querySelectorAll('[data-testid="workspace-row"]')];
				if (rows.length < total) return false;
				marks.tableMs ??= now;
				const perRow = ((marks as unknown as { perRow?: Record<string, unknown> }).perRow ??= {});
				for (const row of rows) {
					const name = row.querySelector('td, th')?.textContent?.trim() ?? '?';
					const state = row
						.querySelector('[data-testid="workspace-status"] [data-state]')
						?.getAttribute('data-state');
					if (state && state !== 'connecting') perRow[name] ??= { ms: Math.round(now), state };
				}
				const states = rows.map(
					(row) =>
						row
							.querySelector('[data-testid="workspace-status"] [data-state]')
							?.getAttribute('data-state') ?? 'none'
				);
				if (states.includes('connected')) marks.firstConnectedMs ??= now;
				const fastRows = rows.filter((row) => fast.some((name) => row.textContent?.includes(name)));
				const fastStates = fastRows.map((row) =>
					row
						.querySelector('[data-testid="workspace-status"] [data-state]')
						?.getAttribute('data-state')
				);
				if (fastRows.length === fast.length && fastStates.every((s) => s === 'connected'))
					marks.fastConnectedMs ??= now;
				if (states.some((s) => s === 'connecting' || s === 'none')) return false;
				marks.allResolvedMs ??= now;
				marks.connected = states.filter((s) => s === 'connected').length;
				marks.unreachable = states.filter((s) => s === 'unreachable').length;
				return marks.fastConnectedMs !== undefined ? marks : false;
			},
			[workspaces.length, fastIds] as const,
			{ polling: 'raf', timeout: 60_000 }
		);
		return (await handle.jsonValue()) as unknown as WorkspacesResult;
	} finally {
		await bench.close();
	}
}
