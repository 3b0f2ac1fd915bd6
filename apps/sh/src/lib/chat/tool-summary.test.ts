import { describe, expect, it } from 'vitest';
import { summarizeToolInput } from './tool-summary.ts';

describe('summarizeToolInput', () => {
	it('shows what each common tool acts on', () => {
		expect(summarizeToolInput('bash', { command: 'echo hi', description: 'say hi' })).toBe(
			'echo hi'
		);
		expect(summarizeToolInput('read', { filePath: '/src/app.ts' })).toBe('/src/app.ts');
		expect(summarizeToolInput('grep', { pattern: 'TODO', path: 'src' })).toBe('TODO in src');
		expect(summarizeToolInput('todowrite', { todos: [{}, {}] })).toBe('2 todos');
	});

	it('keeps to one short line', () => {
		const summary = summarizeToolInput('bash', {
			command: `echo a\n  &&\techo b ${'x'.repeat(200)}`
		});
		expect(summary.startsWith('echo a && echo b x')).toBe(true);
		expect(summary).toHaveLength(120);
		expect(summary.endsWith('…')).toBe(true);
	});

	it('guesses for unknown tools and is empty without input', () => {
		expect(summarizeToolInput('mcp_thing', { url: 'https://x.y' })).toBe('https://x.y');
		expect(summarizeToolInput('mcp_thing', { n: 1 })).toBe('{"n":1}');
		expect(summarizeToolInput('bash', {})).toBe('');
		expect(summarizeToolInput('bash', undefined)).toBe('');
	});
});
