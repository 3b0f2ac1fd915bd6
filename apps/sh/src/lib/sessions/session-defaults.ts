import type { Agent, ModelChoice, ProviderCatalogue } from '$lib/query/index.ts';
import type { Workspace } from '$lib/workspaces/index.ts';

/** One provider's models, as a picker lists them. */
export type ModelGroup = {
	providerID: string;
	name: string;
	models: { id: string; name: string }[];
};

/** `provider/model`, the value a model picker holds. */
export function modelKey(model: ModelChoice): string {
	return `${model.providerID}/${model.modelID}`;
}

/** The model a `provider/model` value names (provider ids never hold a slash; model ids may). */
export function parseModelKey(key: string): ModelChoice | undefined {
	const slash = key.indexOf('/');
	if (slash <= 0 || slash === key.length - 1) return undefined;
	return { providerID: key.slice(0, slash), modelID: key.slice(slash + 1) };
}

/** The catalogue's models grouped by provider, in the server's order. */
export function modelGroups(catalogue: ProviderCatalogue | undefined): ModelGroup[] {
	return (catalogue?.providers ?? []).map((provider) => ({
		providerID: provider.id,
		name: provider.name,
		models: Object.values(provider.models).map((model) => ({ id: model.id, name: model.name }))
	}));
}

function offers(catalogue: ProviderCatalogue, model: ModelChoice): boolean {
	const provider = catalogue.providers.find((p) => p.id === model.providerID);
	return !!provider && model.modelID in provider.models;
}

/**
 * The model a new session starts with: the workspace's own default, else the server's
 * configured `model`, else the first provider's default; each only if the server offers it.
 */
export function defaultModel(input: {
	workspaceDefault?: ModelChoice;
	configModel?: string;
	catalogue?: ProviderCatalogue;
}): ModelChoice | undefined {
	const { catalogue } = input;
	if (!catalogue) return undefined;
	const configured = input.configModel ? parseModelKey(input.configModel) : undefined;
	for (const candidate of [input.workspaceDefault, configured]) {
		if (candidate && offers(catalogue, candidate)) return candidate;
	}
	for (const provider of catalogue.providers) {
		const modelID = catalogue.default[provider.id];
		if (modelID && modelID in provider.models) return { providerID: provider.id, modelID };
	}
	return undefined;
}

/** Agents a user can talk to directly (not subagents, not hidden internal ones). */
export function selectableAgents(agents: readonly Agent[] | undefined): Agent[] {
	return (agents ?? []).filter((agent) => agent.mode !== 'subagent' && !agent.hidden);
}

/**
 * The agent a new session starts with: the workspace's default, else the server's
 * `default_agent`, else `build`, else the first one; each only if it can be chosen.
 */
export function defaultAgent(input: {
	workspaceDefault?: string;
	configAgent?: string;
	agents?: readonly Agent[];
}): string | undefined {
	const names = selectableAgents(input.agents).map((agent) => agent.name);
	for (const candidate of [input.workspaceDefault, input.configAgent, 'build']) {
		if (candidate && names.includes(candidate)) return candidate;
	}
	return names[0];
}

/**
 * The workspace the New session dialog starts with: the one asked for (a link), else the last
 * one used there if it is connected, else the first connected one, else the first.
 */
export function initialWorkspaceId(input: {
	requested?: string | null;
	last?: string | null;
	list: readonly Workspace[];
	isConnected: (workspaceId: string) => boolean;
}): string | undefined {
	const { list, isConnected } = input;
	const exists = (id: string | null | undefined): id is string =>
		!!id && list.some((w) => w.id === id);
	if (exists(input.requested)) return input.requested;
	if (exists(input.last) && isConnected(input.last)) return input.last;
	return (list.find((w) => isConnected(w.id)) ?? list[0])?.id;
}
