import { Marked } from 'marked';
import { describe, expect, it, vi } from 'vitest';
import { createBlockRenderer, renderMarkdown } from './render.ts';
import * as sanitize from './sanitize.ts';

const TEXT =
	'# Plan\n\nFirst [the docs][d].\n\n- one\n- two\n\n```ts\nconst a = 1;\n```\n\n[d]: https://example.com/docs';

describe('createBlockRenderer', () => {
	it('renders what marked renders for the whole text, block by block', () => {
		const whole = new Marked({ gfm: true }).parse(TEXT, { async: false });
		const blocks = createBlockRenderer()(TEXT);
		expect(blocks.length).toBeGreaterThan(3);
		const normalise = (html: string) => html.replace(/\s+/g, ' ').trim();
		// Same HTML apart from the link attributes the sanitiser adds.
		expect(
			normalise(blocks.join('')).replace(/ target="_blank" rel="noopener noreferrer"/g, '')
		).toBe(normalise(whole));
	});

	it('renders again only the blocks whose text changed', () => {
		const render = createBlockRenderer();
		const spy = vi.spyOn(sanitize, 'sanitizeHtml');
		const first = render('Intro.\n\nStreaming');
		const calls = spy.mock.calls.length;
		const second = render('Intro.\n\nStreaming more');
		expect(spy.mock.calls.length - calls).toBe(1);
		expect(second[0]).toBe(first[0]);
		expect(second.at(-1)).toContain('Streaming more');
		spy.mockRestore();
	});

	it('renders earlier blocks again when a later link definition changes them', () => {
		const render = createBlockRenderer();
		expect(render('See [x][1].')[0]).not.toContain('href');
		expect(render('See [x][1].\n\n[1]: https://example.com')[0]).toContain(
			'href="https://example.com"'
		);
	});

	it('renderMarkdown joins the blocks', () => {
		expect(renderMarkdown('a\n\nb')).toBe('<p>a</p>\n<p>b</p>\n');
	});
});
