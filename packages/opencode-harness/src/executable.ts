import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Path of the pinned `opencode` executable.
 *
 * pnpm neither hoists opencode-ai's platform packages nor runs its postinstall (which would link
 * `bin/opencode`), so the platform package (`opencode-linux-x64`, falling back to
 * `opencode-linux-x64-baseline`) is resolved from opencode-ai's own directory.
 * `OPENCODE_BIN` overrides the lookup.
 */
export function opencodeExecutable(): string {
	const override = process.env.OPENCODE_BIN;
	if (override) return override;

	const require = createRequire(import.meta.url);
	const fromOpencodeAi = createRequire(require.resolve('opencode-ai/package.json'));
	const binary = process.platform === 'win32' ? 'opencode.exe' : 'opencode';
	const tried: string[] = [];
	for (const name of platformPackages()) {
		try {
			const packageDir = dirname(fromOpencodeAi.resolve(`${name}/package.json`));
			const executable = join(packageDir, 'bin', binary);
			if (existsSync(executable)) return executable;
			tried.push(executable);
		} catch {
			tried.push(`${name} (not installed)`);
		}
	}
	throw new Error(
		`No opencode executable found (tried ${tried.join(', ')}). Run \`pnpm install\` or set OPENCODE_BIN.`
	);
}

function platformPackages(): string[] {
	const platform = process.platform === 'win32' ? 'windows' : process.platform;
	const base = `opencode-${platform}-${process.arch}`;
	if (process.arch !== 'x64') return [base];
	// The regular x64 build needs AVX2; the baseline build runs on any x64 CPU.
	return hasAvx2() ? [base, `${base}-baseline`] : [`${base}-baseline`, base];
}

function hasAvx2(): boolean {
	if (process.platform !== 'linux') return true;
	try {
		return /\bavx2\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
	} catch {
		return true;
	}
}
