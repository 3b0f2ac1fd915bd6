import { untrack } from 'svelte';

/**
 * Calls `onChange` now and whenever what `read` reads (reactive state) changes. Returns a stop
 * function. Browser-only: effects do not run on the server.
 */
export function follow(read: () => unknown, onChange: () => void): () => void {
	return $effect.root(() => {
		$effect(() => {
			read();
			untrack(onChange);
		});
	});
}
