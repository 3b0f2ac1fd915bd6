import { describe, expect, it } from 'vitest';
import { keys } from './keys.ts';

type Factory = (ws: string, ...rest: string[]) => readonly unknown[];

function factories(node: object, path = 'keys'): [string, Factory][] {
	return Object.entries(node).flatMap(([name, value]) =>
		typeof value === 'function'
			? [[`${path}.${name}`, value as Factory] as [string, Factory]]
			: factories(value as object, `${path}.${name}`)
	);
}

describe('keys', () => {
	it.each(factories(keys))('%s starts with the workspace id', (_name, factory) => {
		expect(factory('ws-9', 'ses_1').slice(0, 2)).toEqual(['ws', 'ws-9']);
	});

	it('nests specific keys under general ones', () => {
		const within = (general: readonly unknown[], specific: readonly unknown[]) =>
			expect(specific.slice(0, general.length)).toEqual(general);
		within(keys.workspace('w'), keys.sessions.all('w'));
		within(keys.sessions.all('w'), keys.sessions.lists('w'));
		within(keys.sessions.lists('w'), keys.sessions.list('w', { roots: true }));
		within(keys.sessions.all('w'), keys.sessions.detail('w', 's'));
		within(keys.sessions.all('w'), keys.sessions.statuses('w'));
		within(keys.messages.all('w'), keys.messages.list('w', 's'));
		within(keys.permissions.all('w'), keys.permissions.list('w'));
	});

	it('gives the unfiltered list one key however it is asked for', () => {
		expect(keys.sessions.list('w')).toEqual(keys.sessions.list('w', {}));
	});
});
