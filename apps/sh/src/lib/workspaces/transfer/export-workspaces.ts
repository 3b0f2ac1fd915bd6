import type { Workspace } from '../workspace.ts';
import {
	EXPORT_FORMAT,
	EXPORT_VERSION,
	type ExportFile,
	type ExportedWorkspace
} from './export-format.ts';
import { deriveKey, encryptWith, newKdf } from './passphrase.ts';

export type ExportOptions = {
	/** Include passwords, encrypted with this passphrase. Left out when absent. */
	passphrase?: string;
	/** Reads a workspace's plain password (it is stored sealed). */
	readPassword: (workspace: Workspace) => Promise<string>;
	now?: () => Date;
};

/** The workspace list as a versioned, shareable JSON document. */
export async function exportWorkspaces(
	list: readonly Workspace[],
	options: ExportOptions
): Promise<string> {
	const kdf = options.passphrase ? newKdf() : undefined;
	const key = kdf && options.passphrase ? await deriveKey(options.passphrase, kdf) : undefined;
	const workspaces: ExportedWorkspace[] = [];
	for (const workspace of list) {
		const { password: _sealed, ...rest } = workspace;
		const exported: ExportedWorkspace = { ...rest };
		if (key) exported.password = await encryptWith(key, await options.readPassword(workspace));
		workspaces.push(exported);
	}
	const file: ExportFile = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: (options.now?.() ?? new Date()).toISOString(),
		...(kdf ? { passwords: kdf } : {}),
		workspaces
	};
	return `${JSON.stringify(file, null, 2)}\n`;
}
