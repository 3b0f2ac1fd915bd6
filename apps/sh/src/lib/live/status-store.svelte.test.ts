import { flushSync } from 'svelte';
import { expect, it } from 'vitest';
import { follow } from './follow.svelte.ts';
import { createStatusStore } from './status-store.ts';

it('lets views react to one workspace status changing', () => {
	const store = createStatusStore();
	store.set('ws-1', { state: 'connecting' });
	store.set('ws-2', { state: 'connecting' });
	const seen: string[] = [];
	const other: string[] = [];
	const stop = $effect.root(() => {
		$effect(() => void seen.push(store.get('ws-1').state));
		$effect(() => void other.push(store.get('ws-2').state));
	});
	flushSync();
	store.set('ws-1', { state: 'connected', version: '1.18.33', latencyMs: 4 });
	flushSync();
	store.set('ws-1', { state: 'reconnecting', attempt: 1, retryAt: 5 });
	flushSync();
	store.set('ws-1', { state: 'unauthorized' });
	flushSync();
	expect(seen).toEqual(['connecting', 'connected', 'reconnecting', 'unauthorized']);
	expect(other).toEqual(['connecting']);
	store.delete('ws-1');
	flushSync();
	expect(seen.at(-1)).toBe('connecting');
	stop();
});

it('follows reactive state, and only what it reads', () => {
	let list = $state<string[]>(['a']);
	let unrelated = $state(0);
	const changes: string[][] = [];
	const stop = follow(
		() => list,
		() => {
			// Reads here do not subscribe: only `list` does.
			void unrelated;
			changes.push([...list]);
		}
	);
	flushSync();
	list = ['a', 'b'];
	flushSync();
	unrelated = 1;
	flushSync();
	stop();
	list = [];
	flushSync();
	expect(changes).toEqual([['a'], ['a', 'b']]);
});
