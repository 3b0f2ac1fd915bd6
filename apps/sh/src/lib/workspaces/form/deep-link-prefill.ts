import { validateWorkspaceInput, type WorkspaceFieldErrors } from '$lib/workspaces/index.ts';
import type { FormPrefill } from './workspace-form.svelte.ts';

const FIELDS = ['url', 'port', 'username', 'name'] as const;

/**
 * Reads `/workspaces/new?url=…&port=…&username=…&name=…`. A password is never taken from a URL
 * (URLs end up in history, logs and screenshots). Invalid values are kept in the form and
 * reported as field errors rather than silently dropped or applied.
 */
export function prefillFromSearchParams(params: URLSearchParams): {
	prefill: FormPrefill;
	errors: WorkspaceFieldErrors;
} {
	const prefill: FormPrefill = {};
	const url = params.get('url');
	const port = params.get('port');
	const username = params.get('username');
	const name = params.get('name');
	if (url !== null) prefill.url = url;
	if (port !== null) prefill.port = port.trim() === '' ? Number.NaN : Number(port);
	if (username !== null) prefill.username = username;
	if (name !== null) prefill.name = name;

	const result = validateWorkspaceInput({
		url: prefill.url ?? 'http://localhost:1',
		port: prefill.port ?? 1,
		username: prefill.username ?? 'opencode',
		name: prefill.name ?? 'placeholder',
		password: ''
	});
	const errors: WorkspaceFieldErrors = {};
	if (!result.ok) {
		for (const field of FIELDS) {
			if (params.has(field) && result.errors[field]) errors[field] = result.errors[field];
		}
	}
	return { prefill, errors };
}
