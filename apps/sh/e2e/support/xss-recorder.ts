import type { Page } from '@playwright/test';

type XssWindow = Window & {
	__xss?: (id: unknown) => void;
	__xssReport?: (id: string) => Promise<void>;
};

/**
 * Records every sign of a hostile payload running in `page`, in order, across navigations and
 * in every frame: calls of `window.__xss(id)`, `alert`/`confirm`/`prompt`, writes to
 * `window.__pwned`, `xss:` messages posted by frames on other origins, native dialogs, popups,
 * and any request for a `/__xss/` URL (what CSS, images, `<base>` and meta refresh would load).
 * Call it before the first navigation.
 */
export async function recordXss(page: Page): Promise<string[]> {
	const hits: string[] = [];
	await page.exposeBinding('__xssReport', (_source, id: unknown) => {
		hits.push(String(id));
	});
	await page.addInitScript(() => {
		const w = window as XssWindow;
		const report = (id: unknown) => void w.__xssReport?.(String(id));
		w.__xss = report;
		w.alert = (message?: unknown) => report(`alert:${String(message)}`);
		w.confirm = (message?: string) => (report(`confirm:${message}`), false);
		w.prompt = (message?: string) => (report(`prompt:${message}`), null);
		Object.defineProperty(w, '__pwned', {
			get: () => undefined,
			set: (value: unknown) => report(`pwned:${String(value)}`)
		});
		w.addEventListener('message', (event) => {
			if (typeof event.data === 'string' && event.data.startsWith('xss:')) {
				report(event.data.slice('xss:'.length));
			}
		});
	});
	page.on('request', (request) => {
		const { pathname } = new URL(request.url());
		if (pathname.startsWith('/__xss/')) hits.push(`request:${pathname}`);
	});
	page.on('dialog', (dialog) => {
		hits.push(`dialog:${dialog.message()}`);
		void dialog.dismiss();
	});
	page.on('popup', (popup) => hits.push(`popup:${popup.url()}`));
	return hits;
}
