import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throw-away home for one opencode server: its own HOME, XDG dirs and git project. */
export type Sandbox = {
	root: string;
	projectDir: string;
	/** HOME, XDG_* and git identity variables pointing into the sandbox. */
	env: Record<string, string>;
	remove(): Promise<void>;
};

/**
 * Creates the sandbox. The project gets `git init` and one commit: without a commit opencode
 * files every directory under the shared project id `global`.
 */
export async function createSandbox(): Promise<Sandbox> {
	const root = await mkdtemp(join(tmpdir(), 'opencode-harness-'));
	const dir = (name: string) => join(root, name);
	const env = {
		HOME: dir('home'),
		XDG_CONFIG_HOME: dir('config'),
		XDG_DATA_HOME: dir('data'),
		XDG_CACHE_HOME: dir('cache'),
		XDG_STATE_HOME: dir('state'),
		// A bare CI machine has no git identity; the sandbox's HOME has no ~/.gitconfig either.
		GIT_AUTHOR_NAME: 'Opencode Harness',
		GIT_AUTHOR_EMAIL: 'harness@example.invalid',
		GIT_COMMITTER_NAME: 'Opencode Harness',
		GIT_COMMITTER_EMAIL: 'harness@example.invalid',
		GIT_CONFIG_NOSYSTEM: '1'
	};
	const projectDir = dir('project');
	await Promise.all(
		[...Object.values(env).filter((v) => v.startsWith(root)), projectDir].map((d) =>
			mkdir(d, { recursive: true })
		)
	);
	await writeFile(
		join(projectDir, 'README.md'),
		'# Test project\n\nCreated by @repo/opencode-harness.\n'
	);
	const git = (...args: string[]) =>
		run('git', args, { cwd: projectDir, env: { ...process.env, ...env } });
	await git('init', '--quiet', '--initial-branch=main');
	await git('add', 'README.md');
	await git('-c', 'commit.gpgsign=false', 'commit', '--quiet', '--message', 'Initial commit');
	return {
		root,
		projectDir,
		env,
		remove: () => rm(root, { recursive: true, force: true, maxRetries: 3 })
	};
}
