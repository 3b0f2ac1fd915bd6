import { z } from 'zod';
import { MAX_NAME_LENGTH, modelRefSchema } from '../workspace.ts';

export const EXPORT_FORMAT = 'opencode-sh.workspaces';
export const EXPORT_VERSION = 1;
/** Anything bigger is not a workspace list someone exported: refuse before parsing it. */
export const MAX_IMPORT_BYTES = 1_000_000;
const MAX_WORKSPACES = 1_000;

const base64 = z
	.string()
	.max(10_000)
	.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/** One workspace in an export file; the password only ever as passphrase-encrypted data. */
export const exportedWorkspaceSchema = z.strictObject({
	id: z.string().min(1).max(100),
	name: z.string().max(MAX_NAME_LENGTH * 4),
	url: z.string().max(2_000),
	port: z.number(),
	username: z.string().max(1_000),
	createdAt: z.number(),
	lastUsedAt: z.number(),
	defaultModel: modelRefSchema.optional(),
	defaultAgent: z.string().max(200).optional(),
	password: z.strictObject({ iv: base64, data: base64 }).optional()
});

/** Version 1 of the export file. */
export const exportFileSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(EXPORT_VERSION),
	exportedAt: z.string().max(100),
	/** How the passwords were encrypted; absent when the file has none. */
	passwords: z
		.strictObject({
			name: z.literal('PBKDF2'),
			hash: z.literal('SHA-256'),
			iterations: z.number().int().min(100_000).max(10_000_000),
			salt: base64
		})
		.optional(),
	workspaces: z.array(exportedWorkspaceSchema).max(MAX_WORKSPACES)
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportedWorkspace = z.infer<typeof exportedWorkspaceSchema>;
