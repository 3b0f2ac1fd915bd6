import type { QueryClient } from '@tanstack/svelte-query';
import type { WorkspaceConnection } from '$lib/opencode/index.ts';
import { keys } from '$lib/query/keys.ts';
import { refetchLiveData } from '$lib/query/refetch.ts';
import type { Workspace } from '$lib/workspaces/index.ts';
import { createEventSink, type EventSink } from './event-sink.ts';
import type { FrameScheduler } from './frame.ts';
import type { LiveEvent } from './live-event.ts';
import { createWorkspaceMonitor, type MonitorOptions, type WorkspaceMonitor } from './monitor.ts';
import { staticPageSignals, type PageSignals } from './page-signals.ts';
import { createStatusStore, type WorkspaceStatusSource } from './status-store.ts';
import { PasswordUnavailableError } from '$lib/workspaces/sealing/seal.ts';
import { CONNECTING, PASSWORD_NEEDED } from './workspace-status.ts';

/** Timing options of the live layer. */
export type LiveOptions = MonitorOptions & {
	/**
	 * Keep a stream open this long after its last user let go, so moving between two views of
	 * the same workspace does not reconnect. @default 2_000
	 */
	releaseDelayMs?: number;
};

/** What {@link createLiveManager} works with; everything but the first three has a default. */
export type LiveManagerDeps = {
	queryClient: QueryClient;
	/** The stored workspaces. */
	listWorkspaces: () => readonly Workspace[];
	connectionFor: (workspace: Workspace) => Promise<WorkspaceConnection>;
	/** @default globalThis.fetch */
	fetch?: (request: Request) => Promise<Response>;
	/** @default Date.now */
	now?: () => number;
	/** Jitter source. @default Math.random */
	random?: () => number;
	/** @default staticPageSignals (always visible) */
	page?: PageSignals;
	/** When coalesced text deltas are written. @default the next animation frame */
	scheduleFrame?: FrameScheduler;
	options?: LiveOptions;
	/** Sees every event a workspace's stream delivers, after the cache took it. */
	onEvent?: (workspaceId: string, event: LiveEvent) => void;
};

/** Connections to every stored workspace, and the one place their status is kept. */
export type LiveManager = {
	/** Every workspace's status, reactive. */
	readonly status: WorkspaceStatusSource;
	/** Keeps the workspace's event stream open until the returned function is called. */
	retain(workspaceId: string): () => void;
	/**
	 * Brings connections in line with `listWorkspaces()`: new workspaces are watched, removed
	 * ones dropped (with their cache), changed URLs or credentials reconnect.
	 */
	sync(): Promise<void>;
	/** Stops everything. */
	destroy(): void;
};

type Entry = { fingerprint: string; url: string; monitor: WorkspaceMonitor; sink: EventSink };

/**
 * Creates the live layer: a monitor per stored workspace (health checks, or an event stream
 * while something retains it), statuses in one reactive map, events written to the cache.
 */
export function createLiveManager(deps: LiveManagerDeps): LiveManager {
	const { queryClient } = deps;
	const { releaseDelayMs = 2_000, ...monitorOptions } = deps.options ?? {};
	const now = deps.now ?? Date.now;
	const page = deps.page ?? staticPageSignals;
	const store = createStatusStore();
	const entries = new Map<string, Entry>();
	const retains = new Map<string, number>();
	const releaseTimers = new Map<string, ReturnType<typeof setTimeout>>();
	let generation = 0;
	let destroyed = false;

	const stopListening = page.listen({
		onVisible: () => entries.forEach(({ monitor }) => monitor.wake()),
		onOnline: () => entries.forEach(({ monitor }) => monitor.retryNow())
	});

	function start(connection: WorkspaceConnection, fingerprint: string): Entry {
		const id = connection.id;
		const sink = createEventSink({
			queryClient,
			workspaceId: id,
			scheduleFrame: deps.scheduleFrame
		});
		const current = () => entries.get(id)?.monitor === monitor;
		const monitor = createWorkspaceMonitor({
			connection,
			options: monitorOptions,
			fetch: deps.fetch,
			now,
			random: deps.random ?? Math.random,
			isVisible: page.isVisible,
			onStatus: (status) => {
				if (current()) store.set(id, status);
			},
			onEvent: (event) => {
				sink.handle(event);
				deps.onEvent?.(id, event);
			},
			onStreamOpen: () => void refetchLiveData(queryClient, id),
			onStreamClosed: () => sink.flush()
		});
		monitor.setStreaming(retains.has(id));
		return { fingerprint, url: connection.url, monitor, sink };
	}

	function stop(id: string) {
		const entry = entries.get(id);
		if (!entry) return;
		entries.delete(id);
		entry.monitor.stop();
		entry.sink.dispose();
	}

	async function connect(workspace: Workspace, syncGeneration: number) {
		let connection: WorkspaceConnection;
		try {
			connection = await deps.connectionFor(workspace);
		} catch (error) {
			stop(workspace.id);
			if (error instanceof PasswordUnavailableError) store.set(workspace.id, PASSWORD_NEEDED);
			else console.error(`No connection details for workspace ${workspace.id}:`, error);
			return;
		}
		if (destroyed || syncGeneration !== generation) return;
		const fingerprint = JSON.stringify([connection.url, connection.username, connection.password]);
		const existing = entries.get(workspace.id);
		if (existing?.fingerprint === fingerprint) return;
		stop(workspace.id);
		store.set(workspace.id, CONNECTING);
		entries.set(workspace.id, start(connection, fingerprint));
		if (!existing) return;
		// Another server's data must not pass for this one's; new credentials may fix failures.
		const queryKey = keys.workspace(workspace.id);
		if (existing.url !== connection.url) void queryClient.resetQueries({ queryKey });
		else void queryClient.invalidateQueries({ queryKey });
	}

	function setStreaming(id: string) {
		entries.get(id)?.monitor.setStreaming(retains.has(id));
	}

	return {
		status: store,
		retain(workspaceId) {
			clearTimeout(releaseTimers.get(workspaceId));
			releaseTimers.delete(workspaceId);
			retains.set(workspaceId, (retains.get(workspaceId) ?? 0) + 1);
			setStreaming(workspaceId);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				const count = (retains.get(workspaceId) ?? 1) - 1;
				if (count > 0) return void retains.set(workspaceId, count);
				retains.delete(workspaceId);
				const release = () => {
					releaseTimers.delete(workspaceId);
					setStreaming(workspaceId);
				};
				if (releaseDelayMs <= 0) return release();
				releaseTimers.set(workspaceId, setTimeout(release, releaseDelayMs));
			};
		},
		async sync() {
			if (destroyed) return;
			const syncGeneration = ++generation;
			const list = deps.listWorkspaces();
			const ids = new Set(list.map((workspace) => workspace.id));
			for (const id of [...entries.keys()]) {
				if (ids.has(id)) continue;
				stop(id);
				store.delete(id);
				queryClient.removeQueries({ queryKey: keys.workspace(id) });
			}
			await Promise.all(list.map((workspace) => connect(workspace, syncGeneration)));
		},
		destroy() {
			destroyed = true;
			stopListening();
			releaseTimers.forEach((timer) => clearTimeout(timer));
			releaseTimers.clear();
			for (const id of [...entries.keys()]) stop(id);
		}
	};
}
