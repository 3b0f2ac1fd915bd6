import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalOpencode, type LocalOpencode } from './local-opencode.ts';
import { serveApp } from './serve-app.ts';

const USAGE = `Usage: npm start [-- options]

Serves Opencode SH on http://localhost:PORT and, unless --app-only, starts a local opencode
server for a project directory, with a generated password, ready to add as a workspace.

  --app-only           serve the app alone
  --dir <path>         project directory for opencode (default: where you ran npm start)
  --port <n>           the app's port (default: $PORT or 5173)
  --opencode-port <n>  opencode's port (default: a random one in 49152–65535)
  -h, --help           this text`;

const { values } = parseArgs({
	options: {
		'app-only': { type: 'boolean', default: false },
		dir: { type: 'string' },
		port: { type: 'string' },
		'opencode-port': { type: 'string' },
		help: { type: 'boolean', short: 'h', default: false }
	}
});
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

const appPort = Number(values.port ?? process.env.PORT ?? 5173);
const appUrl = `http://localhost:${appPort}`;
// npm runs scripts in the package root; INIT_CWD is where the user typed the command.
const projectDir = resolve(values.dir ?? process.env.INIT_CWD ?? process.cwd());
const opencodePort = Number(
	values['opencode-port'] ?? 49152 + Math.floor(Math.random() * (65535 - 49152 + 1))
);

// 127.0.0.1 rather than 'localhost', which Node may bind to ::1 alone; browsers try both.
const server = await serveApp({ port: appPort, host: '127.0.0.1' });
let opencode: LocalOpencode | undefined;

async function shutdown(code: number) {
	await opencode?.stop();
	server.close();
	process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

console.log(`\nOpencode SH is running at ${appUrl}`);
if (!values['app-only']) {
	console.log(`Starting opencode in ${projectDir} …`);
	try {
		opencode = await startLocalOpencode({ dir: projectDir, port: opencodePort });
	} catch (error) {
		console.error(`\n${(error as Error).message}`);
		await shutdown(1);
	}
	if (opencode) {
		opencode.process.once('exit', (code) => {
			console.error(`\nopencode stopped (exit ${code}); the app keeps running.`);
			opencode = undefined;
		});
		const link = new URL('/workspaces/new', appUrl);
		link.searchParams.set('url', opencode.url);
		link.searchParams.set('port', String(opencode.port));
		link.searchParams.set('username', opencode.username);
		link.searchParams.set('name', basename(projectDir) || 'Local opencode');
		console.log(`
opencode is serving ${projectDir} at ${opencode.url}

  Add it as a workspace:  ${link.href}
  Username:               ${opencode.username}
  Password:               ${opencode.password}

The password is shown only here, never put in a URL. Press Ctrl-C to stop both.`);
	}
}
