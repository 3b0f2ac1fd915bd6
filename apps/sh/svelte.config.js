import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every unknown path gets the fallback page, which boots the router.
		adapter: adapter({ fallback: '200.html' }),
		alias: {
			$lib: 'src/lib'
		}
	}
};

export default config;
