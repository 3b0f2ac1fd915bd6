import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
	generatePassword,
	needsCorsFlag,
	randomPort,
	setupCommands,
	shellQuote,
	suggestName
} from './setup-commands.ts';

/** What bash makes of a quoted word: the test of quoting is a real shell. */
function bashEcho(word: string): string {
	return execFileSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8' });
}

describe('shellQuote', () => {
	it.each([
		'simple',
		'pä ss"wörd$!',
		"it's",
		'back\\slash',
		'$(rm -rf /)',
		'`whoami`',
		'!!',
		'tab\there',
		'new\nline',
		'💥 emoji',
		"'''",
		''
	])('round-trips %j through bash', (value) => {
		expect(bashEcho(shellQuote(value))).toBe(value);
	});
});

describe('setupCommands', () => {
	const base = {
		username: 'opencode',
		password: "p w'$!",
		port: 52341,
		appOrigin: 'https://sh.example.com'
	};

	it('uses opencode auth and --cors for a hosted app, and an auth-less ngrok tunnel', () => {
		const commands = setupCommands({ ...base, tunnel: 'ngrok' });
		expect(commands.serve).toBe(
			`OPENCODE_SERVER_USERNAME=opencode OPENCODE_SERVER_PASSWORD='p w'\\''$!' opencode serve --port 52341 --cors https://sh.example.com`
		);
		expect(commands.tunnel).toBe('ngrok http 52341');
		expect(commands.tunnel).not.toMatch(/basic-auth/);
		expect(commands.quick).toBe(`${commands.serve} & ngrok http 52341`);
	});

	it('offers cloudflared and a no-tunnel choice', () => {
		expect(setupCommands({ ...base, tunnel: 'cloudflared' }).tunnel).toBe(
			'cloudflared tunnel --url http://localhost:52341'
		);
		const local = setupCommands({ ...base, tunnel: 'local' });
		expect(local.tunnel).toBeUndefined();
		expect(local.quick).toBe(local.serve);
		expect(local.localUrl).toBe('http://localhost:52341');
	});

	it('leaves --cors out only where opencode allows the origin by default', () => {
		expect(needsCorsFlag('http://localhost:5173')).toBe(false);
		expect(needsCorsFlag('http://127.0.0.1:4173')).toBe(false);
		expect(needsCorsFlag('http://localhost')).toBe(true);
		expect(needsCorsFlag('https://localhost:5173')).toBe(true);
		expect(needsCorsFlag('https://sh.example.com')).toBe(true);
		const local = setupCommands({ ...base, tunnel: 'local', appOrigin: 'http://localhost:5173' });
		expect(local.serve).not.toContain('--cors');
	});
});

describe('generated values', () => {
	it('makes random ports in 49152–65535', () => {
		expect(randomPort(() => 0)).toBe(49152);
		expect(randomPort(() => 0.999999)).toBe(65535);
		for (let i = 0; i < 200; i++) {
			const port = randomPort();
			expect(port).toBeGreaterThanOrEqual(49152);
			expect(port).toBeLessThanOrEqual(65535);
		}
	});

	it('makes long, distinct, shell-safe passwords', () => {
		const a = generatePassword();
		expect(a).toHaveLength(24);
		expect(a).toMatch(/^[A-Za-z0-9]+$/);
		expect(generatePassword()).not.toBe(a);
		expect(shellQuote(a)).toBe(a);
	});

	it('suggests a name from the host', () => {
		expect(suggestName('https://abc123.ngrok-free.app')).toBe('abc123');
		expect(suggestName('https://my-box.trycloudflare.com/')).toBe('my-box');
		expect(suggestName('http://localhost:4096')).toBe('localhost:4096');
		expect(suggestName('nonsense')).toBe('');
	});
});
