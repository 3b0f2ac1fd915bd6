import { createWorkspaceStore } from './workspaces.svelte.ts';

/** The app's one workspace store. There is no "active" workspace: every view names its own. */
export const workspaces = createWorkspaceStore();
if (typeof window !== 'undefined') void workspaces.sealPlainPasswords();

export type { ModelRef, Workspace, WorkspaceInput, WorkspaceFieldErrors } from './workspace.ts';
export { validateWorkspaceInput, MAX_PORT, MIN_PORT } from './workspace.ts';
export type { StorageNotice } from './storage-recovery.ts';
export type { SaveResult, WorkspaceStore } from './workspaces.svelte.ts';
export { connectionFor } from './connection.ts';
export { PasswordUnavailableError } from './sealing/seal.ts';
