import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/** Merges Tailwind classes, later ones winning (shadcn-svelte's helper). */
export function cn(...inputs: ClassValue[]) {
	return twMerge(clsx(inputs));
}

/** Props every shadcn-style primitive accepts for its root element. */
export type WithElementRef<T, U extends HTMLElement = HTMLElement> = T & { ref?: U | null };
