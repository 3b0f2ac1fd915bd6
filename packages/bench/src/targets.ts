import { workspaceEntryFor, type WorkspaceEntry } from '@repo/opencode-harness/fixtures';
import type { ReplayServer } from './replay-server.ts';
import type { SyntheticSession } from './synthetic.ts';

/** Which UI a figure is for: this app, or the web UI opencode serves at `/`. */
export type Ui = 'ours' | 'theirs';
export const UIS: Ui[] = ['ours', 'theirs'];

/** Where a page lives, and what the page needs stored first. */
export type Target = { url: string; workspaces?: WorkspaceEntry[] };

/** The workspace id this bench gives a replay server. */
export const replayWorkspaceId = (index: number) => `replay-${index}`;

/** The workspaces pointing at the replay servers, in order. */
export function replayWorkspaces(replays: ReplayServer[]): WorkspaceEntry[] {
	return replays.map((r, i) =>
		workspaceEntryFor({ ...r, password: 'unused' }, replayWorkspaceId(i))
	);
}

/**
 * A session's chat page. Ours: `/w/<workspace>/s/<session>` on the app. Theirs: the embedded UI
 * loaded from the replay server (which proxies its assets from the real server), at its own
 * route `/<base64url(directory)>/session/<id>`.
 */
export function chatTarget(
	ui: Ui,
	appUrl: string,
	replays: ReplayServer[],
	replayIndex: number,
	session: SyntheticSession
): Target {
	const replay = replays[replayIndex]!;
	if (ui === 'ours') {
		return {
			url: `${appUrl}/w/${replayWorkspaceId(replayIndex)}/s/${session.info.id}`,
			workspaces: replayWorkspaces(replays)
		};
	}
	const dir = Buffer.from(session.info.directory).toString('base64url');
	return { url: `${replay.url}/${dir}/session/${session.info.id}` };
}
