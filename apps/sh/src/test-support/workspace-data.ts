import type { Agent, Provider, ProviderCatalogue } from '$lib/query/index.ts';
import type { Workspace } from '$lib/workspaces/index.ts';

/** Small factories for session-picker tests. */

export function workspace(id: string, overrides: Partial<Workspace> = {}): Workspace {
	return {
		id,
		name: `Workspace ${id}`,
		url: 'http://127.0.0.1:4096',
		port: 4096,
		username: 'opencode',
		password: 'pw',
		createdAt: 1,
		lastUsedAt: 1,
		...overrides
	};
}

/** A provider offering the given model ids (only the fields the app reads are real). */
export function provider(id: string, modelIds: string[]): Provider {
	const models = Object.fromEntries(
		modelIds.map((modelId) => [modelId, { id: modelId, providerID: id, name: `${modelId} name` }])
	);
	return {
		id,
		name: `${id} name`,
		source: 'config',
		env: [],
		options: {},
		models
	} as unknown as Provider;
}

export function catalogue(
	providers: Provider[],
	defaults: Record<string, string> = {}
): ProviderCatalogue {
	return { providers, default: defaults };
}

export function agent(name: string, overrides: Partial<Agent> = {}): Agent {
	return { name, mode: 'primary', permission: [], options: {}, ...overrides } as Agent;
}
