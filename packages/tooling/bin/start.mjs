// `npm start`: installs what is missing, builds the app, then serves it and (unless --app-only)
// starts a local opencode server to connect to. Options: `npm start -- --help`.
import { spawn } from 'node:child_process';
import { ensurePnpm, installDependencies, run } from './setup.mjs';

const args = process.argv.slice(2);
if (!args.includes('--help') && !args.includes('-h')) {
	ensurePnpm();
	installDependencies();
	run('pnpm', ['--filter', 'sh', 'build']);
}
// Node itself with tsx's loader, not `pnpm exec`: pnpm exits on Ctrl-C without waiting, which
// would give the terminal back while opencode is still shutting down.
const child = spawn(
	process.execPath,
	['--import', 'tsx', 'packages/tooling/src/start.ts', ...args],
	{
		stdio: 'inherit'
	}
);
// Ctrl-C reaches the child too; it stops opencode and the server, then this process follows.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
