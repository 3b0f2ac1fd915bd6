/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

// The app shell only: built assets, static files and the SPA fallback page. Requests to
// opencode servers (other origins) and anything not in the shell always go to the network, so
// no API answer is ever cached.
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `app-shell-${version}`;
const FALLBACK = '/200.html';
const SHELL = [...build, ...files.filter((file) => file !== '/_headers'), FALLBACK];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(SHELL))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') {
		// Network first, so a deployed update shows at once; the cached shell when offline.
		event.respondWith(
			fetch(request).catch(async () => (await caches.match(FALLBACK)) ?? Response.error())
		);
		return;
	}
	if (SHELL.includes(url.pathname)) {
		event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
	}
});
