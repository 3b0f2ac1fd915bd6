/** What the live layer needs to know about the page it runs in. */
export type PageSignals = {
	isVisible(): boolean;
	/** Calls back when the page becomes visible or the network comes back; returns a stop. */
	listen(handlers: { onVisible(): void; onOnline(): void }): () => void;
};

/** Always visible, never changing: for places without a `document` (node, tests). */
export const staticPageSignals: PageSignals = {
	isVisible: () => true,
	listen: () => () => {}
};

/** The browser's `visibilitychange` and `online` events; {@link staticPageSignals} elsewhere. */
export function browserPageSignals(): PageSignals {
	if (typeof window === 'undefined' || typeof document === 'undefined') return staticPageSignals;
	return {
		isVisible: () => document.visibilityState !== 'hidden',
		listen({ onVisible, onOnline }) {
			const visibility = () => {
				if (document.visibilityState !== 'hidden') onVisible();
			};
			document.addEventListener('visibilitychange', visibility);
			window.addEventListener('online', onOnline);
			return () => {
				document.removeEventListener('visibilitychange', visibility);
				window.removeEventListener('online', onOnline);
			};
		}
	};
}
