// `npm test`: installs what is missing, then runs every check and test the project has.
import { ensureChromium, ensurePnpm, installDependencies, run } from './setup.mjs';

const started = Date.now();
ensurePnpm();
ensureChromium();
installDependencies();
// Type checks, lint, formatting, unit tests and integration tests against real opencode servers.
run('pnpm', ['turbo', 'run', 'check', 'lint', 'test', '--continue=never']);
// Builds the app and drives it in Chromium against real opencode servers.
run('pnpm', ['e2e']);
console.log(`\n✓ All checks and tests passed in ${Math.round((Date.now() - started) / 1000)} s`);
