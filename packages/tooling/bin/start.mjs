// `npm start`: installs what is missing, builds the app and serves the static build with its
// single-page fallback on http://localhost:PORT (PORT env, default 5173).
import { ensurePnpm, installDependencies, run } from './setup.mjs';

const port = process.env.PORT ?? '5173';
ensurePnpm();
installDependencies();
run('pnpm', ['--filter', 'sh', 'build']);
console.log(`\nOpencode SH: http://localhost:${port}\n`);
run('pnpm', ['--filter', 'sh', 'exec', 'sirv', 'build', '--single', '200.html', '--port', port, '--host', 'localhost']);
