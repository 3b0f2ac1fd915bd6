import { describe, expect, it } from 'vitest';
import { highlightCodeBlocks, languageOf } from './highlight.ts';
import { renderMarkdown } from './render.ts';

describe('languageOf', () => {
	it('maps aliases and ignores unknown languages', () => {
		const code = (className: string) =>
			Object.assign(document.createElement('code'), { className });
		expect(languageOf(code('language-ts'))).toBe('typescript');
		expect(languageOf(code('language-sh'))).toBe('bash');
		expect(languageOf(code('language-brainfuck'))).toBeUndefined();
		expect(languageOf(code(''))).toBeUndefined();
	});
});

describe('highlightCodeBlocks', () => {
	it('highlights known languages, escaping the code', async () => {
		const root = document.body.appendChild(document.createElement('div'));
		root.innerHTML = renderMarkdown('```ts\nconst a = "<b>";\n```\n\n```\nplain\n```');
		await highlightCodeBlocks(root);
		const [ts, plain] = root.querySelectorAll('code');
		expect(ts?.querySelector('.hljs-keyword')?.textContent).toBe('const');
		expect(ts?.querySelector('b')).toBeNull();
		expect(ts?.textContent).toBe('const a = "<b>";\n');
		expect(plain?.innerHTML).toBe('plain\n');
	});
});
