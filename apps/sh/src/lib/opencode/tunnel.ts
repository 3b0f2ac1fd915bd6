const NGROK_DOMAINS = ['ngrok-free.app', 'ngrok.app', 'ngrok.io', 'ngrok-free.dev', 'ngrok.dev'];

/**
 * Whether `url` points at an ngrok tunnel, whose free tier answers browsers with an HTML
 * warning page unless the request carries `ngrok-skip-browser-warning`.
 */
export function isNgrokUrl(url: URL): boolean {
	const host = url.hostname.toLowerCase();
	return NGROK_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
