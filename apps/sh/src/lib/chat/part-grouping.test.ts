import { describe, expect, it } from 'vitest';
import type { Part } from '$lib/query/index.ts';
import { formatUsage, groupParts } from './part-grouping.ts';

const ids = { sessionID: 'ses_1', messageID: 'msg_1' };
const text = (id: string, value: string, extra = {}): Part => ({
	id,
	...ids,
	type: 'text',
	text: value,
	...extra
});
const finish = (id: string, input: number, output: number, cost: number): Part => ({
	id,
	...ids,
	type: 'step-finish',
	reason: 'stop',
	cost,
	tokens: { input, output, reasoning: 0, cache: { read: 0, write: 0 } }
});

describe('groupParts', () => {
	it('keeps readable parts in order and sums the steps’ usage', () => {
		const parts: Part[] = [
			{ id: 'p1', ...ids, type: 'step-start' },
			text('p2', 'Hello'),
			finish('p3', 10, 5, 0.001),
			{ id: 'p4', ...ids, type: 'step-start' },
			text('p5', ''),
			text('p6', 'file contents', { synthetic: true }),
			{ id: 'p7', ...ids, type: 'reasoning', text: '  ', time: { start: 1 } },
			text('p8', 'Bye'),
			finish('p9', 20, 7, 0.002)
		];
		const { visible, usage } = groupParts(parts);
		expect(visible.map((p) => p.id)).toEqual(['p2', 'p8']);
		expect(usage).toEqual({ input: 30, output: 12, reasoning: 0, cost: 0.003 });
	});

	it('has no usage before a step finished', () => {
		expect(groupParts([text('p1', 'Hi')]).usage).toBeUndefined();
	});
});

describe('formatUsage', () => {
	it('is short, with small costs kept visible', () => {
		expect(formatUsage({ input: 1234, output: 5, reasoning: 0, cost: 0.0012 })).toBe(
			'1,234 in · 5 out · $0.0012'
		);
		expect(formatUsage({ input: 1, output: 2, reasoning: 3, cost: 0 })).toBe(
			'1 in · 2 out · 3 reasoning · $0.00'
		);
	});
});
