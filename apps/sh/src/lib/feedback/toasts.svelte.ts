import { tick } from 'svelte';
import type { ExternalToast } from 'svelte-sonner';

type Sonner = typeof import('svelte-sonner');

let sonner: Promise<Sonner> | undefined;

/** Whether a toast was asked for: the layout mounts the Toaster from then on. */
export const toaster = $state({ needed: false });

/** svelte-sonner, fetched the first time a toast is shown: most visits never show one. */
export function loadSonner(): Promise<Sonner> {
	return (sonner ??= import('svelte-sonner'));
}

type Kind = 'success' | 'error';

async function show(kind: Kind, message: string, options?: ExternalToast): Promise<void> {
	toaster.needed = true;
	const { toast } = await loadSonner();
	// Let the Toaster (and its live region) mount before its first toast, so it is announced.
	await tick();
	toast[kind](message, options);
}

/** svelte-sonner's `toast`, for the kinds this app shows. */
export const toast = {
	success: (message: string, options?: ExternalToast) => void show('success', message, options),
	error: (message: string, options?: ExternalToast) => void show('error', message, options)
};
