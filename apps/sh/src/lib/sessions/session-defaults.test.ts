import { describe, expect, it } from 'vitest';
import {
	initialWorkspaceId,
	defaultAgent,
	defaultModel,
	modelGroups,
	modelKey,
	parseModelKey,
	selectableAgents
} from './session-defaults.ts';
import { agent, catalogue, provider, workspace } from '$test-support/workspace-data.ts';

const servers = catalogue([provider('opencode', ['big']), provider('fake', ['a', 'b'])], {
	opencode: 'big',
	fake: 'a'
});

describe('model keys', () => {
	it('round-trips, model ids with slashes included', () => {
		const model = { providerID: 'openrouter', modelID: 'anthropic/claude' };
		expect(parseModelKey(modelKey(model))).toEqual(model);
		expect(parseModelKey('nothing')).toBeUndefined();
		expect(parseModelKey('/x')).toBeUndefined();
	});
});

describe('defaultModel', () => {
	it('prefers the workspace default', () => {
		const workspaceDefault = { providerID: 'fake', modelID: 'b' };
		expect(defaultModel({ workspaceDefault, configModel: 'fake/a', catalogue: servers })).toEqual(
			workspaceDefault
		);
	});

	it('falls back to the configured model, then the first provider default', () => {
		const unknown = { providerID: 'gone', modelID: 'x' };
		expect(
			defaultModel({ workspaceDefault: unknown, configModel: 'fake/a', catalogue: servers })
		).toEqual({ providerID: 'fake', modelID: 'a' });
		expect(defaultModel({ catalogue: servers })).toEqual({
			providerID: 'opencode',
			modelID: 'big'
		});
	});

	it('knows nothing before the catalogue is loaded', () => {
		expect(defaultModel({ configModel: 'fake/a' })).toBeUndefined();
	});

	it('groups models by provider', () => {
		expect(modelGroups(servers).map((g) => [g.providerID, g.models.map((m) => m.id)])).toEqual([
			['opencode', ['big']],
			['fake', ['a', 'b']]
		]);
	});
});

describe('defaultAgent', () => {
	const agents = [
		agent('build'),
		agent('plan'),
		agent('explore', { mode: 'subagent' }),
		agent('title', { hidden: true })
	];

	it('offers primary, visible agents only', () => {
		expect(selectableAgents(agents).map((a) => a.name)).toEqual(['build', 'plan']);
	});

	it('prefers the workspace default, then the configured one, then build', () => {
		expect(defaultAgent({ workspaceDefault: 'plan', configAgent: 'build', agents })).toBe('plan');
		expect(defaultAgent({ workspaceDefault: 'explore', configAgent: 'plan', agents })).toBe('plan');
		expect(defaultAgent({ agents })).toBe('build');
		expect(defaultAgent({ agents: [agent('custom')] })).toBe('custom');
	});
});

describe('initialWorkspaceId', () => {
	const list = [workspace('a'), workspace('b'), workspace('c')];
	const isConnected = (id: string) => id !== 'a';

	it('takes the requested workspace, even while it connects', () => {
		expect(initialWorkspaceId({ requested: 'a', last: 'c', list, isConnected })).toBe('a');
	});

	it('else the last one used if connected, else the first connected', () => {
		expect(initialWorkspaceId({ requested: 'gone', last: 'c', list, isConnected })).toBe('c');
		expect(initialWorkspaceId({ last: 'a', list, isConnected })).toBe('b');
		expect(initialWorkspaceId({ list, isConnected: () => false })).toBe('a');
		expect(initialWorkspaceId({ list: [], isConnected })).toBeUndefined();
	});
});
