import { createQuery } from '@tanstack/svelte-query';
import { workspaceStatus } from '$lib/live/index.ts';
import {
	agentQueries,
	configQueries,
	providerQueries,
	workspaceApi,
	type ModelChoice
} from '$lib/query/index.ts';
import { workspaces } from '$lib/workspaces/index.ts';
import { lastNewSessionWorkspace } from './last-workspace.svelte.ts';
import {
	defaultAgent,
	defaultModel,
	initialWorkspaceId,
	modelGroups,
	modelKey,
	parseModelKey,
	selectableAgents
} from './session-defaults.ts';

const isConnected = (id: string) => workspaceStatus.get(id).state === 'connected';

/**
 * The New session form: a workspace, then a model and an agent from that workspace's catalogue,
 * defaulting to the workspace's own defaults, else the server's. Create it while a component
 * initialises.
 */
export class NewSessionForm {
	#workspaceId = $state<string | undefined>();
	#model = $state<string | undefined>();
	#agent = $state<string | undefined>();

	constructor(requestedWorkspaceId: string | undefined) {
		this.#workspaceId = initialWorkspaceId({
			requested: requestedWorkspaceId,
			last: lastNewSessionWorkspace.value,
			list: workspaces.list,
			isConnected
		});
	}

	readonly #api = $derived(workspaceApi(this.#workspaceId ?? ''));
	readonly workspace = $derived(
		this.#workspaceId ? workspaces.getWorkspace(this.#workspaceId) : undefined
	);
	readonly connected = $derived(!!this.#workspaceId && isConnected(this.#workspaceId));

	readonly #catalogue = createQuery(() => ({
		...providerQueries.catalogue(this.#api),
		enabled: this.connected
	}));
	readonly #agents = createQuery(() => ({
		...agentQueries.list(this.#api),
		enabled: this.connected
	}));
	readonly #config = createQuery(() => ({
		...configQueries.defaults(this.#api),
		enabled: this.connected
	}));

	get workspaceId() {
		return this.#workspaceId;
	}

	/** Chooses the workspace; model and agent go back to its defaults. */
	set workspaceId(id: string | undefined) {
		this.#workspaceId = id;
		this.#model = undefined;
		this.#agent = undefined;
	}

	readonly modelGroups = $derived(modelGroups(this.#catalogue.data));
	readonly agents = $derived(selectableAgents(this.#agents.data));

	readonly #defaultModel = $derived(
		defaultModel({
			workspaceDefault: this.workspace?.defaultModel,
			configModel: this.#config.data?.model,
			catalogue: this.#catalogue.data
		})
	);

	/** The chosen model as `provider/model` ('' while unknown). */
	get modelKey(): string {
		return this.#model ?? (this.#defaultModel ? modelKey(this.#defaultModel) : '');
	}
	set modelKey(key: string) {
		this.#model = key;
	}

	get model(): ModelChoice | undefined {
		return parseModelKey(this.modelKey);
	}

	get agent(): string {
		return (
			this.#agent ??
			defaultAgent({
				workspaceDefault: this.workspace?.defaultAgent,
				configAgent: this.#config.data?.defaultAgent,
				agents: this.#agents.data
			}) ??
			''
		);
	}
	set agent(name: string) {
		this.#agent = name;
	}

	/** Still fetching what the pickers offer. */
	readonly loading = $derived(
		this.connected && (this.#catalogue.isPending || this.#agents.isPending)
	);

	/** Why the pickers could not be filled, if they could not. */
	readonly error = $derived(this.#catalogue.error ?? this.#agents.error ?? undefined);

	readonly canCreate = $derived(this.connected && !this.loading && !!this.model);
}
