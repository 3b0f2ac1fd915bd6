// Brings a fresh machine that has only Node 20 and npm up to what the project needs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PNPM_VERSION = '10.34.9';

/** Runs a command with inherited output; exits the process with its code when it fails. */
export function run(command, args, options = {}) {
	console.log(`\n$ ${[command, ...args].join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(
			`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`
		);
		process.exit(result.status ?? 1);
	}
}

function output(command, args) {
	try {
		return execFileSync(command, args, {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return undefined;
	}
}

/** pnpm at the pinned version, installed with npm when missing. */
export function ensurePnpm() {
	if (output('pnpm', ['--version']) === PNPM_VERSION) return;
	run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

/** Debian's Chromium for the browser tests (Playwright cannot download its own here). */
export function ensureChromium() {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (existsSync(path)) return;
	if (!existsSync('/usr/bin/apt-get')) {
		console.error(
			`✗ No Chromium at ${path}. Install Chromium and set CHROMIUM_PATH to its executable.`
		);
		process.exit(1);
	}
	const asRoot = process.getuid?.() === 0;
	const apt = (args) => (asRoot ? run('apt-get', args) : run('sudo', ['apt-get', ...args]));
	apt(['update']);
	apt(['install', '-y', '--no-install-recommends', 'chromium']);
}

export function installDependencies() {
	run('pnpm', ['install', '--frozen-lockfile']);
}
