import type { OpencodeServer } from '@repo/opencode-harness';
import { workspaceEntryFor } from '@repo/opencode-harness/fixtures';
import {
	MutationObserver,
	QueryObserver,
	type MutationObserverOptions,
	type QueryClient,
	type QueryKey,
	type QueryObserverOptions
} from '@tanstack/svelte-query';
import { createClient, type OpencodeClient } from '$lib/opencode/index.ts';
import type { MessageWithParts } from '$lib/query/types.ts';
import type { WorkspaceApi } from '$lib/query/workspace-api.ts';
import { connectionFor, type Workspace } from '$lib/workspaces/index.ts';
import type { LiveOptions } from '$lib/live/live-manager.ts';

/** Helpers for the integration tests of the live layer against real servers. */

type Fetch = (request: Request) => Promise<Response>;

/** Short timings so reconnects happen within a test's patience. */
export const FAST_LIVE: LiveOptions = {
	backoff: { baseMs: 100, maxMs: 500 },
	pollIntervalMs: 500,
	healthTimeoutMs: 2_000,
	firstEventTimeoutMs: 5_000,
	releaseDelayMs: 0
};

/** A stored workspace pointing at a harness server (with another password when given). */
export function workspaceFor(
	server: OpencodeServer,
	id: string,
	password = server.password ?? ''
): Workspace {
	return workspaceEntryFor(server, id, { password, createdAt: 0, lastUsedAt: 0 });
}

/** The query layer's view of a workspace, with its requests going through `fetch`. */
export function apiFor(workspace: Workspace, fetch?: Fetch): WorkspaceApi {
	const client = connectionFor(workspace).then((connection) => createClient(connection, { fetch }));
	return { id: workspace.id, client: () => client };
}

/** A client that talks to the server directly, as another user of it would. */
export function directClient(server: OpencodeServer): OpencodeClient {
	return createClient(
		{ id: 'direct', url: server.url, username: server.username, password: server.password ?? '' },
		{ timeoutMs: 30_000 }
	);
}

/** A fetch whose network can be cut: while down, every new request fails like a lost network. */
export function switchableFetch() {
	let down = false;
	return {
		fetch: (request: Request) =>
			down ? Promise.reject(new TypeError('fetch failed (network down)')) : fetch(request),
		down: () => void (down = true),
		up: () => void (down = false)
	};
}

/** A fetch that counts requests by whether their credentials are `password`'s. */
export function countingFetch() {
	const counts = new Map<string, number>();
	return {
		fetch: (request: Request) => {
			const key = request.headers.get('authorization') ?? '';
			counts.set(key, (counts.get(key) ?? 0) + 1);
			return fetch(request);
		},
		count: (authorization: string) => counts.get(authorization) ?? 0
	};
}

/** What a mounted view does: keeps a query observed (active). Returns the unsubscribe. */
export function observe<T, K extends QueryKey>(
	queryClient: QueryClient,
	options: QueryObserverOptions<T, Error, T, T, K>
): () => void {
	return new QueryObserver(queryClient, options).subscribe(() => {});
}

/** Runs a mutation definition as a view would. */
export function mutate<TData, TVariables>(
	queryClient: QueryClient,
	options: MutationObserverOptions<TData, Error, TVariables, unknown>,
	variables: TVariables
): Promise<TData> {
	return new MutationObserver(queryClient, options).mutate(variables);
}

/** The text of a message's text parts. */
export function textOf(message: MessageWithParts | undefined): string {
	return (message?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}
