import { expect, test } from '@playwright/test';
import { startOpencodeServer, type OpencodeServer } from '@repo/opencode-harness';
import { sharedHarness } from './support/shared-harness.ts';
import { addWorkspaceThroughWizard, workspaceRow } from './support/workspace-page.ts';

const { info } = sharedHarness();
let server: OpencodeServer;

test.beforeAll(async () => {
	server = await startOpencodeServer({
		modelUrl: info.model.apiUrl,
		username: 'opencode',
		password: 'restart-me'
	});
});

test.afterAll(async () => {
	await server?.stop();
});

test('a stopped server turns Unreachable and comes back Connected without a reload', async ({
	page
}) => {
	await addWorkspaceThroughWizard(page, {
		name: 'Flaky',
		url: server.url,
		username: server.username,
		password: server.password!
	});
	const status = workspaceRow(page, 'Flaky').getByTestId('workspace-status');
	await expect(status).toContainText('Connected');

	await server.kill();
	await expect(status).toContainText(/Unreachable|Reconnecting/, { timeout: 45_000 });

	await server.restart();
	await expect(status).toContainText('Connected', { timeout: 45_000 });
});
