/** How close to the end still counts as "at the bottom", in px. */
const SLACK_PX = 48;
/** How long after a wheel, touch, key or pointer press a scroll counts as the user's. */
const INTENT_MS = 1_000;

/**
 * Whether a scrolling list follows its end. It starts pinned; only a scroll away from the end
 * that the user made (not content growing or re-measured rows) unpins it, and reaching the end
 * pins it again.
 */
export class BottomPin {
	/** Follow new content to the end. */
	pinned = $state(true);
	#intentAt = -Infinity;

	/** Call on wheel, touch, keyboard and pointer input in the scroll area. */
	noteUserInput = () => {
		this.#intentAt = performance.now();
	};

	/** Call on every scroll event of the area. */
	onScroll = (event: Event) => {
		const el = event.currentTarget as HTMLElement;
		if (isAtBottom(el)) this.pinned = true;
		else if (performance.now() - this.#intentAt < INTENT_MS) this.pinned = false;
	};
}

/** Whether an element is scrolled (nearly) to its end. */
export function isAtBottom(el: HTMLElement): boolean {
	return el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
}
