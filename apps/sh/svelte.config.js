import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every unknown path gets the fallback page, which boots the router.
		// APP_BUILD_DIR lets parallel local runs build without overwriting each other's output.
		adapter: adapter({
			pages: process.env.APP_BUILD_DIR ?? 'build',
			assets: process.env.APP_BUILD_DIR ?? 'build',
			fallback: '200.html'
		}),
		alias: {
			$lib: 'src/lib',
			'$test-support': 'src/test-support'
		},
		// A static host sends no per-request header, so the policy ships as a <meta> tag in
		// 200.html. `hash` puts the SHA-256 of kit's inline bootstrap script into script-src:
		// no nonce (a static page has no per-request value) and no 'unsafe-inline'.
		// `frame-ancestors` is ignored in a <meta> tag; static/_headers sends it where hosts allow.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Needed (measured): app.html's `<div style="display: contents">` and `style` set
				// through Svelte's attribute spreads in bits-ui/svelte-sonner are inline styles.
				// Injected CSS still cannot fetch anything from elsewhere (img/font stay 'self').
				'style-src': ['self', 'unsafe-inline'],
				// No remote images: agent output rendered as markdown cannot ping other hosts.
				'img-src': ['self'],
				// Workspaces are opencode servers at URLs the user types in: any host, any port,
				// http on a LAN or https through a tunnel, so no fixed list of origins can work.
				// Credentials stay per-origin in the Authorization header the app sets itself.
				'connect-src': ['self', 'http:', 'https:'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
