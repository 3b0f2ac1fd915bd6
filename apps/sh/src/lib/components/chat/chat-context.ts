import { createContext } from 'svelte';
import type { PermissionRequest } from '$lib/query/index.ts';

/** What parts deep in a chat need to know about it. */
export type ChatContext = {
	readonly workspaceId: string;
	readonly sessionId: string;
	/** The pending permission request of a tool call, if any (reactive). */
	permissionFor(messageId: string, callId: string): PermissionRequest | undefined;
};

/** Reads and provides the {@link ChatContext} of the chat a component is in. */
export const [getChatContext, setChatContext] = createContext<ChatContext>();
