import { validateWorkspaceInput, type Workspace } from '../workspace.ts';
import {
	exportFileSchema,
	MAX_IMPORT_BYTES,
	type ExportFile,
	type ExportedWorkspace
} from './export-format.ts';
import { decryptWith, deriveKey } from './passphrase.ts';

export type ImportProblem = { title: string; description: string };

/** Reads an export file, refusing anything malformed with a message a person can act on. */
export function parseExportFile(
	text: string
): { ok: true; file: ExportFile } | { ok: false; problem: ImportProblem } {
	const fail = (description: string) => ({
		ok: false as const,
		problem: { title: 'This file cannot be imported', description }
	});
	if (text.length > MAX_IMPORT_BYTES) return fail('It is larger than any workspace export (1 MB).');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return fail('It is not JSON. Choose a file exported from Opencode SH.');
	}
	const parsed = exportFileSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
		return fail(
			`It is not an Opencode SH workspace export of a version this app reads: ${issue?.message ?? 'invalid'}${where}.`
		);
	}
	for (const [index, workspace] of parsed.data.workspaces.entries()) {
		const valid = validateWorkspaceInput({ ...workspace, password: '' });
		if (!valid.ok) {
			const [field, message] = Object.entries(valid.errors)[0] ?? ['?', 'invalid'];
			return fail(`Workspace ${index + 1} has an invalid ${field}: ${message}`);
		}
	}
	return { ok: true, file: parsed.data };
}

export type ImportAction = 'new' | 'update' | 'same_url';
export type ImportPreviewItem = {
	workspace: ExportedWorkspace;
	action: ImportAction;
	/** The local workspace it updates, or that already has its URL. */
	existing?: Workspace;
};

/**
 * What importing would do to each entry: add it, update the local workspace with its id, or
 * skip it because a local workspace already points at the same URL.
 */
export function previewImport(file: ExportFile, local: readonly Workspace[]): ImportPreviewItem[] {
	return file.workspaces.map((workspace) => {
		const sameId = local.find((w) => w.id === workspace.id);
		if (sameId) return { workspace, action: 'update', existing: sameId };
		const sameUrl = local.find((w) => normaliseUrl(w.url) === normaliseUrl(workspace.url));
		if (sameUrl) return { workspace, action: 'same_url', existing: sameUrl };
		return { workspace, action: 'new' };
	});
}

/** Decrypts the file's passwords; fails as a whole (and changes nothing) on a wrong passphrase. */
export async function decryptPasswords(
	file: ExportFile,
	passphrase: string
): Promise<{ ok: true; passwords: Map<string, string> } | { ok: false; problem: ImportProblem }> {
	const passwords = new Map<string, string>();
	if (!file.passwords) return { ok: true, passwords };
	try {
		const key = await deriveKey(passphrase, file.passwords);
		for (const workspace of file.workspaces) {
			if (workspace.password)
				passwords.set(workspace.id, await decryptWith(key, workspace.password));
		}
	} catch {
		return {
			ok: false,
			problem: {
				title: 'Wrong passphrase',
				description: 'The passwords in this file could not be decrypted with it.'
			}
		};
	}
	return { ok: true, passwords };
}

function normaliseUrl(url: string): string {
	return url.trim().replace(/\/+$/, '').toLowerCase();
}
