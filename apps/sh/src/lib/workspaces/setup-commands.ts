/** How the user makes the server reachable from this browser. */
export type TunnelChoice = 'ngrok' | 'cloudflared' | 'local';

export const TUNNEL_CHOICES: ReadonlyArray<{ value: TunnelChoice; label: string }> = [
	{ value: 'ngrok', label: 'ngrok' },
	{ value: 'cloudflared', label: 'Cloudflare Tunnel' },
	{ value: 'local', label: 'This machine, no tunnel' }
];

export type SetupInput = {
	username: string;
	password: string;
	port: number;
	tunnel: TunnelChoice;
	/** This app's own origin, e.g. `https://sh.example.com`. */
	appOrigin: string;
};

export type SetupCommands = {
	/** Starts opencode with its own Basic auth and CORS for this app. */
	serve: string;
	/** Exposes the port; absent when no tunnel is used. */
	tunnel?: string;
	/** Both in one line. */
	quick: string;
	/** The URL to enter when there is no tunnel; a tunnel prints its own. */
	localUrl: string;
};

/** Quotes a value for POSIX shells: nothing inside single quotes is special except `'` itself. */
export function shellQuote(value: string): string {
	if (/^[\w@%+=:,./-]+$/.test(value)) return value;
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * opencode allows `http://localhost:<port>` and `http://127.0.0.1:<port>` origins by default, so
 * `--cors` is only needed (and only added) for an app served from anywhere else.
 */
export function needsCorsFlag(appOrigin: string): boolean {
	const { protocol, hostname, port } = new URL(appOrigin);
	const loopback = hostname === 'localhost' || hostname === '127.0.0.1';
	return !(protocol === 'http:' && loopback && port !== '');
}

/**
 * The commands the add-workspace wizard shows. A tunnel's own basic auth would answer the
 * browser's credential-less CORS preflight with 401 and block every request, so authentication
 * is opencode's own and the tunnel runs without any.
 */
export function setupCommands(input: SetupInput): SetupCommands {
	const { username, password, port, tunnel, appOrigin } = input;
	const env = `OPENCODE_SERVER_USERNAME=${shellQuote(username)} OPENCODE_SERVER_PASSWORD=${shellQuote(password)}`;
	const cors = needsCorsFlag(appOrigin) ? ` --cors ${shellQuote(appOrigin)}` : '';
	const serve = `${env} opencode serve --port ${port}${cors}`;
	const tunnelCommand =
		tunnel === 'ngrok'
			? `ngrok http ${port}`
			: tunnel === 'cloudflared'
				? `cloudflared tunnel --url http://localhost:${port}`
				: undefined;
	return {
		serve,
		tunnel: tunnelCommand,
		quick: tunnelCommand ? `${serve} & ${tunnelCommand}` : serve,
		localUrl: `http://localhost:${port}`
	};
}

/** A random port in the dynamic range 49152–65535, as the design asks. */
export function randomPort(random: () => number = Math.random): number {
	return 49152 + Math.floor(random() * (65535 - 49152 + 1));
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A strong password of unambiguous letters and digits (~140 bits at 24 characters). */
export function generatePassword(length = 24): string {
	const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
	let out = '';
	// Rejection sampling keeps every character equally likely.
	const limit = 256 - (256 % PASSWORD_ALPHABET.length);
	for (const byte of bytes) {
		if (byte < limit) out += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
		if (out.length === length) return out;
	}
	return out + generatePassword(length - out.length);
}

/** A name suggestion from the URL's host: `abc123.ngrok-free.app` → `abc123`. */
export function suggestName(url: string): string {
	let host: string;
	try {
		host = new URL(url).hostname;
	} catch {
		return '';
	}
	if (host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[')) {
		return `${host}:${new URL(url).port || 'default'}`;
	}
	return host.split('.')[0] ?? host;
}
