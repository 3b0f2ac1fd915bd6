import { createPersistedState } from '@repo/svelte-utils';
import * as z from 'zod/mini';

/** The workspace the New session dialog used last, so it starts there next time. */
export const lastNewSessionWorkspace = createPersistedState({
	key: 'opencode-new-session-workspace',
	schema: z.nullable(z.string()),
	onParseError: () => null
});
