import { test } from '@playwright/test';
import { fakeModelControl } from '@repo/opencode-harness';
import { warmUp } from './session-page.ts';
import { sharedHarness } from './shared-harness.ts';

/**
 * The shared servers, warmed up once per file (a server's first prompt waits on its own
 * start-up), with the fake model reset before and after every test.
 */
export function useWarmSharedHarness() {
	const shared = sharedHarness();
	const model = fakeModelControl(shared.info.model.url);
	test.beforeAll(async () => {
		await model.reset();
		await Promise.all([warmUp(shared.alpha), warmUp(shared.beta)]);
	});
	test.afterEach(async () => {
		await model.reset();
	});
	return { ...shared, model };
}
