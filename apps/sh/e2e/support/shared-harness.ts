import { join } from 'node:path';
import { readHarnessInfo } from '@repo/opencode-harness';

// Keyed by the app's port so that two runs on one machine (E2E_APP_PORT) never share servers.
export const HARNESS_INFO_PATH = join(
	import.meta.dirname,
	`../../../../test-results/harness-${process.env.E2E_APP_PORT ?? 4173}.json`
);

/** Two servers with different credentials; alpha's password is hostile to naive encoders. */
export const SHARED_SERVERS = [
	{ username: 'alpha', password: `pä ss"wörd$! 'x' \\ ✓` },
	{ username: 'opencode', password: 'beta-secret-42' }
];

/** The shared harness started by global setup. */
export function sharedHarness() {
	const info = readHarnessInfo(HARNESS_INFO_PATH);
	const [alpha, beta] = info.servers;
	if (!alpha || !beta) throw new Error('The shared harness did not start two servers.');
	return { info, alpha, beta };
}
