import * as z from 'zod/mini';

/** A model as opencode names it: `{ providerID: 'anthropic', modelID: 'claude-…' }`. */
export const modelRefSchema = z.object({ providerID: z.string(), modelID: z.string() });
export type ModelRef = z.infer<typeof modelRefSchema>;

/** A stored opencode server, exactly as the design document defines it. */
export const workspaceSchema = z.object({
	id: z.string().check(z.minLength(1)),
	name: z.string(),
	url: z.string(),
	port: z.number(),
	username: z.string(),
	password: z.string(),
	createdAt: z.number(),
	lastUsedAt: z.number(),
	// Per-workspace defaults for new sessions; optional so data stored before them still loads.
	defaultModel: z.optional(modelRefSchema),
	defaultAgent: z.optional(z.string())
});

export type Workspace = z.infer<typeof workspaceSchema>;

export const MIN_PORT = 1;
export const MAX_PORT = 65535;
export const MAX_NAME_LENGTH = 80;

/** Checks a URL a user typed: http(s), a host, no credentials inside it. */
function urlProblem(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'Enter a full URL, such as https://abc123.ngrok-free.app or http://localhost:4096.';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return 'The URL must start with http:// or https://.';
	}
	if (!url.hostname) return 'The URL needs a host name.';
	if (url.username || url.password) {
		return 'Leave the username and password out of the URL; enter them in their own fields.';
	}
	return undefined;
}

/** What a user enters for a workspace; validated before anything is saved. */
export const workspaceInputSchema = z.object({
	name: z
		.string()
		.check(
			z.trim(),
			z.minLength(1, 'Give the workspace a name.'),
			z.maxLength(MAX_NAME_LENGTH, `Keep the name to ${MAX_NAME_LENGTH} characters or fewer.`)
		),
	url: z.pipe(
		z.string().check(
			z.trim(),
			z.superRefine((value, ctx) => {
				const problem = urlProblem(value);
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			})
		),
		z.transform((value) => value.replace(/\/+$/, ''))
	),
	port: z
		.number({ error: 'Enter a port number.' })
		.check(
			z.refine(Number.isInteger, 'The port must be a whole number.'),
			z.gte(MIN_PORT, `The port must be between ${MIN_PORT} and ${MAX_PORT}.`),
			z.lte(MAX_PORT, `The port must be between ${MIN_PORT} and ${MAX_PORT}.`)
		),
	username: z
		.string()
		.check(z.trim(), z.minLength(1, 'Enter a username (opencode uses "opencode" by default).')),
	password: z.string(),
	defaultModel: z.optional(modelRefSchema),
	defaultAgent: z.optional(z.string().check(z.trim(), z.minLength(1)))
});

export type WorkspaceInput = z.input<typeof workspaceInputSchema>;
export type ValidWorkspaceInput = z.output<typeof workspaceInputSchema>;
export type WorkspaceFieldErrors = Partial<Record<keyof WorkspaceInput, string>>;

export type ValidationResult =
	{ ok: true; value: ValidWorkspaceInput } | { ok: false; errors: WorkspaceFieldErrors };

/** Validates user input, returning one clear message per invalid field. */
export function validateWorkspaceInput(input: WorkspaceInput): ValidationResult {
	const result = workspaceInputSchema.safeParse(input);
	if (result.success) return { ok: true, value: result.data };
	const errors: WorkspaceFieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path[0] as keyof WorkspaceInput;
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}
