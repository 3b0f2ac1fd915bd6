import { createPersistedState } from '@repo/svelte-utils';
import { z } from 'zod';

/** The workspace the New session dialog used last, so it starts there next time. */
export const lastNewSessionWorkspace = createPersistedState({
	key: 'opencode-new-session-workspace',
	schema: z.string().nullable(),
	onParseError: () => null
});
