import { describe, expect, it } from 'vitest';
import { permissionRequest, session } from '$test-support/query-data.ts';
import { buildSessionRows, type WorkspaceSessions } from './session-rows.ts';
import { workspace } from '$test-support/workspace-data.ts';

const alpha = workspace('a', { name: 'Alpha' });
const beta = workspace('b', { name: 'Beta' });

describe('buildSessionRows', () => {
	const sources: WorkspaceSessions[] = [
		{
			workspace: alpha,
			sessions: [
				session('ses_1', { title: 'Fix the build', time: { created: 1, updated: 10 } }),
				session('ses_2', { title: 'Write docs', time: { created: 1, updated: 30 } })
			],
			statuses: { ses_1: { type: 'busy' } },
			permissions: [permissionRequest('per_1', 'ses_2')]
		},
		{
			workspace: beta,
			sessions: [session('ses_3', { title: 'Build a rocket', time: { created: 1, updated: 20 } })],
			statuses: {},
			permissions: undefined
		}
	];

	it('merges workspaces, most recent activity first, with activity and approvals', () => {
		const rows = buildSessionRows(sources);
		expect(rows.map((r) => [r.workspace.name, r.session.id, r.activity, r.needsApproval])).toEqual([
			['Alpha', 'ses_2', 'idle', true],
			['Beta', 'ses_3', 'idle', false],
			['Alpha', 'ses_1', 'busy', false]
		]);
	});

	it('searches titles case-insensitively', () => {
		expect(buildSessionRows(sources, '  BUILD ').map((r) => r.session.id)).toEqual([
			'ses_3',
			'ses_1'
		]);
	});

	it('skips workspaces whose sessions are not loaded', () => {
		expect(buildSessionRows([{ ...sources[1]!, sessions: undefined }])).toEqual([]);
	});
});
