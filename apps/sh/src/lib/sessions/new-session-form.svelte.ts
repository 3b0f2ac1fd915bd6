import { createQuery } from '@tanstack/svelte-query';
import { workspaceStatus } from '$lib/live/index.ts';
import { configQueries, workspaceApi, type ModelChoice } from '$lib/query/index.ts';
import { workspaces } from '$lib/workspaces/index.ts';
import { sessionMemory } from './session-memory.svelte.ts';
import {
	defaultAgent,
	defaultModel,
	initialWorkspaceId,
	modelKey,
	parseModelKey
} from './session-defaults.ts';
import { createModelAgentOptions } from './model-agent-options.svelte.ts';

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
			last: sessionMemory.lastWorkspace,
			list: workspaces.list,
			isConnected
		});
	}

	readonly #api = $derived(workspaceApi(this.#workspaceId ?? ''));
	readonly workspace = $derived(
		this.#workspaceId ? workspaces.getWorkspace(this.#workspaceId) : undefined
	);
	readonly #options = createModelAgentOptions(() => this.#workspaceId);

	get connected() {
		return this.#options.connected;
	}
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

	get modelGroups() {
		return this.#options.groups;
	}
	get agents() {
		return this.#options.agents;
	}

	readonly #defaultModel = $derived(
		defaultModel({
			workspaceDefault: this.workspace?.defaultModel,
			configModel: this.#config.data?.model,
			catalogue: this.#options.catalogue
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
				agents: this.#options.allAgents
			}) ??
			''
		);
	}
	set agent(name: string) {
		this.#agent = name;
	}

	/** Still fetching what the pickers offer. */
	get loading() {
		return this.#options.loading;
	}

	/** Why the pickers could not be filled, if they could not. */
	get error() {
		return this.#options.error;
	}

	readonly canCreate = $derived(this.connected && !this.loading && !!this.model);
}
