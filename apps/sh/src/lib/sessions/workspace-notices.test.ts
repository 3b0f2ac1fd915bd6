import { describe, expect, it } from 'vitest';
import { OpencodeApiError } from '$lib/opencode/index.ts';
import { SESSION_LIST_LIMIT } from '$lib/query/index.ts';
import { workspace } from '$test-support/workspace-data.ts';
import { workspaceNotice } from './workspace-notices.ts';

const alpha = workspace('a', { name: 'Alpha' });
const connected = { state: 'connected', version: '1.18.33', latencyMs: 5 } as const;

describe('workspaceNotice', () => {
	it('says why a workspace that is not connected is missing', () => {
		expect(
			workspaceNotice({
				workspace: alpha,
				status: { state: 'unauthorized' },
				listError: undefined,
				listed: undefined
			})
		).toEqual({ workspace: alpha, kind: 'status', status: { state: 'unauthorized' } });
	});

	it('passes on why its list failed', () => {
		const error = new OpencodeApiError({
			kind: 'server_error',
			status: 500,
			title: 'The server failed',
			description: 'It said: boom'
		});
		expect(
			workspaceNotice({ workspace: alpha, status: connected, listError: error, listed: undefined })
		).toMatchObject({
			kind: 'error',
			title: 'The server failed'
		});
	});

	it('tells when the list stopped at the limit, and nothing below it', () => {
		expect(
			workspaceNotice({
				workspace: alpha,
				status: connected,
				listError: undefined,
				listed: SESSION_LIST_LIMIT
			})
		).toEqual({ workspace: alpha, kind: 'limited', limit: SESSION_LIST_LIMIT });
		expect(
			workspaceNotice({
				workspace: alpha,
				status: connected,
				listError: undefined,
				listed: SESSION_LIST_LIMIT - 1
			})
		).toBeUndefined();
		expect(
			workspaceNotice({
				workspace: alpha,
				status: connected,
				listError: undefined,
				listed: undefined
			})
		).toBeUndefined();
	});
});
