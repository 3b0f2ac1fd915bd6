/** What a shortcut does; the component that owns the keyboard turns these into navigation. */
export type ShortcutAction =
	| { type: 'show-help' }
	| { type: 'new-session' }
	| { type: 'focus-composer' }
	| { type: 'go'; to: 'workspaces' | 'sessions' }
	| { type: 'jump-to-workspace'; index: number };

/** The list the help dialog shows, in the order it shows them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; description: string }> = [
	{ keys: ['n'], description: 'New session' },
	{ keys: ['/'], description: 'Focus the message box (or the session search)' },
	{ keys: ['g', '1…9'], description: 'Jump to a workspace’s sessions (by last use)' },
	{ keys: ['g', 'w'], description: 'Go to workspaces' },
	{ keys: ['g', 's'], description: 'Go to sessions' },
	{ keys: ['?'], description: 'Show these shortcuts' }
];

const SEQUENCE_TIMEOUT_MS = 1_500;

/**
 * Turns key presses into actions, including two-key sequences that start with `g`. Presses
 * while typing in a field, or with Ctrl/Alt/Meta, are never shortcuts.
 */
export function createShortcutReader(now: () => number = Date.now) {
	let pendingG: number | undefined;

	return function read(
		event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>
	): ShortcutAction | undefined {
		if (event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return undefined;
		const afterG = pendingG !== undefined && now() - pendingG < SEQUENCE_TIMEOUT_MS;
		pendingG = undefined;
		if (afterG) {
			if (event.key === 'w') return { type: 'go', to: 'workspaces' };
			if (event.key === 's') return { type: 'go', to: 'sessions' };
			if (/^[1-9]$/.test(event.key))
				return { type: 'jump-to-workspace', index: Number(event.key) - 1 };
			return undefined;
		}
		switch (event.key) {
			case 'g':
				pendingG = now();
				return undefined;
			case '?':
				return { type: 'show-help' };
			case 'n':
				return { type: 'new-session' };
			case '/':
				return { type: 'focus-composer' };
			default:
				return undefined;
		}
	};
}

function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return (
		target.isContentEditable ||
		target instanceof HTMLInputElement ||
		target instanceof HTMLTextAreaElement ||
		target instanceof HTMLSelectElement
	);
}
