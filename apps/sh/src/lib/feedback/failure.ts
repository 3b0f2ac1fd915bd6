import { toast } from './toasts.svelte.ts';
import { OpencodeApiError } from '$lib/opencode/index.ts';

/** Title and description of anything a query or mutation threw, for a toast or a notice. */
export function describeFailure(error: unknown): { title: string; description: string } {
	if (error instanceof OpencodeApiError) return error.error;
	return {
		title: 'Something went wrong',
		description: error instanceof Error ? error.message : String(error)
	};
}

/** Shows a failure as an error toast, prefixed with what was being done. */
export function toastFailure(action: string, error: unknown): void {
	const { title, description } = describeFailure(error);
	toast.error(`${action}: ${title}`, { description });
}
