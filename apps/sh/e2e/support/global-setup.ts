import { startHarness, writeHarnessInfo } from '@repo/opencode-harness';
import { HARNESS_INFO_PATH, SHARED_SERVERS } from './shared-harness.ts';

/**
 * Starts the fake model and the opencode servers most specs share. Specs that stop or restart
 * a server start their own, so shared servers stay up for everyone else.
 */
export default async function globalSetup() {
	const harness = await startHarness({ servers: SHARED_SERVERS });
	writeHarnessInfo(HARNESS_INFO_PATH, harness.info());
	return async () => {
		await harness.stop();
	};
}
