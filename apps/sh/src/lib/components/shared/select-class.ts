/** Classes of a native `<select>` matching the Input primitive. */
export const selectClass =
	'h-9 w-full min-w-0 rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm shadow-xs outline-none focus-visible:border-sky-500 focus-visible:ring-2 focus-visible:ring-sky-500/30 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-950';
