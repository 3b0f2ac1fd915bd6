import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What a test in another process needs to reach a running harness (Playwright's globalSetup
 * starts it, the test workers read this). Drive its model with `fakeModelControl(model.url)`.
 */
export type HarnessInfo = {
	model: { url: string; apiUrl: string };
	servers: {
		url: string;
		port: number;
		username: string;
		/** `null` when the server runs without auth. */
		password: string | null;
		projectDir: string;
		pid: number;
	}[];
};

/** Writes `info` as JSON to `path`. */
export function writeHarnessInfo(path: string, info: HarnessInfo): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, `${JSON.stringify(info, null, 2)}\n`);
}

/** Reads what {@link writeHarnessInfo} wrote. */
export function readHarnessInfo(path: string): HarnessInfo {
	return JSON.parse(readFileSync(path, 'utf8')) as HarnessInfo;
}
