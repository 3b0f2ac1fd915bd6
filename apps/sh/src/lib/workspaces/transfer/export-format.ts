import * as z from 'zod/mini';
import { MAX_NAME_LENGTH, modelRefSchema } from '../workspace.ts';

export const EXPORT_FORMAT = 'opencode-sh.workspaces';
export const EXPORT_VERSION = 1;
/** Anything bigger is not a workspace list someone exported: refuse before parsing it. */
export const MAX_IMPORT_BYTES = 1_000_000;
const MAX_WORKSPACES = 1_000;

const base64 = z
	.string()
	.check(z.maxLength(10_000), z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'));

/** One workspace in an export file; the password only ever as passphrase-encrypted data. */
export const exportedWorkspaceSchema = z.strictObject({
	id: z.string().check(z.minLength(1), z.maxLength(100)),
	name: z.string().check(z.maxLength(MAX_NAME_LENGTH * 4)),
	url: z.string().check(z.maxLength(2_000)),
	port: z.number(),
	username: z.string().check(z.maxLength(1_000)),
	createdAt: z.number(),
	lastUsedAt: z.number(),
	defaultModel: z.optional(modelRefSchema),
	defaultAgent: z.optional(z.string().check(z.maxLength(200))),
	password: z.optional(z.strictObject({ iv: base64, data: base64 }))
});

/** Version 1 of the export file. */
export const exportFileSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(EXPORT_VERSION),
	exportedAt: z.string().check(z.maxLength(100)),
	/** How the passwords were encrypted; absent when the file has none. */
	passwords: z.optional(
		z.strictObject({
			name: z.literal('PBKDF2'),
			hash: z.literal('SHA-256'),
			iterations: z.int().check(z.gte(100_000), z.lte(10_000_000)),
			salt: base64
		})
	),
	workspaces: z.array(exportedWorkspaceSchema).check(z.maxLength(MAX_WORKSPACES))
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportedWorkspace = z.infer<typeof exportedWorkspaceSchema>;
