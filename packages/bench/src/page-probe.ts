/** What the in-page probe collected (read with `page.evaluate(() => window.__bench)`). */
export type ProbeState = {
	longTasks: { start: number; duration: number }[];
	/** `performance.now()` of each animation frame while frames are being recorded. */
	frames: number[];
	recordingFrames: boolean;
	/** Text → `performance.now()` of the frame after it first appeared in the DOM. */
	seenAt: Record<string, number>;
	/** Text → `performance.now()` of the first frame with it on screen and its list at the end. */
	bottomAt: Record<string, number>;
	/** Text → `performance.now()` of the first frame with it inside its list's visible area. */
	visibleAt: Record<string, number>;
	/** Streamed sequence number → wall-clock ms (`timeOrigin + now`) of the frame that showed it. */
	seqPaint: Record<number, number>;
	maxSeq: number;
	watch(text: string): void;
	watchBottom(text: string): void;
};

/**
 * Installed before any page script (`addInitScript`), so it must be self-contained. Records long
 * tasks, frame times on demand, when watched texts first appear (MutationObserver, then the next
 * frame), and when streamed `⟦n⟧` markers appear.
 */
export function installProbe() {
	// A change made inside an animation frame callback (the app's own rAF batching) is painted at
	// the end of that frame: the next task runs after the paint. A change made in a plain task is
	// painted at the end of the next frame. `inFrame` tells the two apart: set by this probe's
	// frame callback (registered first, so it runs first) and cleared by a task after the paint.
	let inFrame = false;
	const post = (fn: () => void) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => fn();
		channel.port2.postMessage(null);
	};
	const afterPaint = (fn: (t: number) => void) => {
		if (inFrame) post(() => fn(performance.now()));
		else requestAnimationFrame(() => post(() => fn(performance.now())));
	};
	const watched = new Set<string>();
	const bottomWatched = new Map<string, Node | null>();
	const bottomPending = new Set<string>();
	const visiblePending = new Set<string>();
	const state = {
		longTasks: [] as { start: number; duration: number }[],
		frames: [] as number[],
		recordingFrames: false,
		seenAt: {} as Record<string, number>,
		bottomAt: {} as Record<string, number>,
		visibleAt: {} as Record<string, number>,
		seqPaint: {} as Record<number, number>,
		maxSeq: -1,
		watch(text: string) {
			watched.add(text);
		},
		watchBottom(text: string) {
			bottomWatched.set(text, null);
			watched.add(text);
		}
	};
	(window as unknown as { __bench: typeof state }).__bench = state;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				state.longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No long task timing: the list stays empty.
	}
	const frame = (t: number) => {
		inFrame = true;
		post(() => (inFrame = false));
		if (state.recordingFrames) state.frames.push(t);
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);

	const scrollerOf = (node: Node | null): HTMLElement | null => {
		let el = node instanceof HTMLElement ? node : (node?.parentElement ?? null);
		while (el) {
			const style = getComputedStyle(el);
			if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el;
			el = el.parentElement;
		}
		return document.scrollingElement as HTMLElement | null;
	};
	const checkBottom = () => {
		for (const [text, node] of bottomWatched) {
			if (
				!node ||
				!node.isConnected ||
				bottomPending.has(text) ||
				state.bottomAt[text] !== undefined
			)
				continue;
			const scroller = scrollerOf(node);
			const el = node instanceof Element ? node : node.parentElement;
			if (!scroller || !el) continue;
			const atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 4;
			const box = el.getBoundingClientRect();
			const view = scroller.getBoundingClientRect();
			const inView = box.bottom > view.top && box.top < view.bottom;
			if (inView && !visiblePending.has(text)) {
				visiblePending.add(text);
				afterPaint((t) => (state.visibleAt[text] = t));
			}
			if (atEnd && inView) {
				bottomPending.add(text);
				afterPaint((t) => (state.bottomAt[text] = t));
			}
		}
		if ([...bottomWatched.keys()].some((t) => !bottomPending.has(t)))
			requestAnimationFrame(checkBottom);
	};
	requestAnimationFrame(checkBottom);

	const onText = (text: string, node: Node) => {
		// The newest node showing a bottom-watched text: virtual lists re-mount rows.
		for (const w of bottomWatched.keys()) if (text.includes(w)) bottomWatched.set(w, node);
		for (const w of watched) {
			if (state.seenAt[w] !== undefined || !text.includes(w)) continue;
			state.seenAt[w] = -1;
			if (bottomWatched.has(w)) bottomWatched.set(w, node);
			afterPaint((t) => (state.seenAt[w] = t));
		}
		const open = text.lastIndexOf('⟦');
		if (open === -1) return;
		const seq = parseInt(text.slice(open + 1), 10);
		if (!(seq > state.maxSeq)) return;
		const from = state.maxSeq + 1;
		state.maxSeq = seq;
		afterPaint((t) => {
			const wall = performance.timeOrigin + t;
			for (let s = from; s <= seq; s++) state.seqPaint[s] ??= wall;
		});
	};
	const observer = new MutationObserver((records) => {
		for (const record of records) {
			if (record.type === 'characterData') onText(record.target.nodeValue ?? '', record.target);
			else for (const node of record.addedNodes) onText(node.textContent ?? '', node);
		}
	});
	const start = () =>
		observer.observe(document.documentElement, {
			childList: true,
			subtree: true,
			characterData: true
		});
	if (document.documentElement) start();
	else document.addEventListener('readystatechange', start, { once: true });
}
