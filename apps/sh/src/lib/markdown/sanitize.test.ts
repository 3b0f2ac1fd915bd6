import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render.ts';
import { isSafeUrl, sanitizeHtml } from './sanitize.ts';

function parse(html: string): HTMLElement {
	const root = document.createElement('div');
	root.innerHTML = html;
	return root;
}

describe('sanitizeHtml', () => {
	it('drops scripts and event handlers', () => {
		const html = sanitizeHtml(
			'<p onclick="x()">hi<script>alert(1)</script></p><img src=x onerror="alert(1)">'
		);
		expect(html).not.toMatch(/script|onclick|onerror|alert/);
		expect(parse(html).textContent).toBe('hi');
	});

	it('drops javascript: and data: URLs, however disguised', () => {
		const html = sanitizeHtml(
			[
				'<a href="javascript:alert(1)">a</a>',
				'<a href="JaVaScRiPt:alert(1)">b</a>',
				'<a href="jav&#x09;ascript:alert(1)">c</a>',
				'<a href=" javascript:alert(1)">d</a>',
				'<a href="data:text/html,<script>alert(1)</script>">e</a>',
				'<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
				'<a href="vbscript:msgbox(1)">f</a>'
			].join('')
		);
		expect(html).not.toMatch(/javascript|data:|vbscript/i);
		expect(parse(html).querySelectorAll('[href],[src]')).toHaveLength(0);
	});

	it('opens links in a new tab without an opener', () => {
		const link = parse(sanitizeHtml('<a href="https://example.com">x</a>')).querySelector('a');
		expect(link?.getAttribute('href')).toBe('https://example.com');
		expect(link?.getAttribute('target')).toBe('_blank');
		expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
	});

	it('drops media, styles, forms, frames, SVG and data attributes', () => {
		const html = sanitizeHtml(
			[
				'<p style="position:fixed" data-highlighted="yes">x</p>',
				'<img src="https://t.example/p.gif"><style>*{}</style><form><input></form>',
				'<iframe src="https://e.com"></iframe><video src="/v.mp4" poster="/p.png"></video>',
				'<audio src="/a.mp3"></audio><picture><source srcset="/s.png"></picture>',
				'<svg><circle r="1"/></svg><math><mi>x</mi></math>'
			].join('')
		);
		expect(html).toBe('<p>x</p>');
	});

	it('keeps only a code block’s language class, so agent text cannot borrow app styles', () => {
		const html = sanitizeHtml(
			'<div class="fixed inset-0 z-50">a</div><table background="/t.png"><tr><td>b</td></tr></table><pre><code class="language-ts">c</code></pre>'
		);
		expect(html).toBe(
			'a<table><tbody><tr><td>b</td></tr></tbody></table><pre><code class="language-ts">c</code></pre>'
		);
	});
});

describe('isSafeUrl', () => {
	it('allows the web, mail and relative places only', () => {
		for (const url of ['https://a.b/c', 'http://a', 'mailto:a@b.c', '#top', '/x', 'x/y', '?q=1']) {
			expect(isSafeUrl(url)).toBe(true);
		}
		for (const url of ['javascript:x', 'data:text/plain,x', 'file:///etc/passwd', 'vbscript:x']) {
			expect(isSafeUrl(url)).toBe(false);
		}
	});
});

describe('renderMarkdown', () => {
	it('renders GitHub-flavoured markdown with code blocks ready for highlighting', () => {
		const root = parse(renderMarkdown('# Title\n\n- **a**\n\n```ts\nconst a = 1;\n```'));
		expect(root.querySelector('h1')?.textContent).toBe('Title');
		expect(root.querySelector('li strong')?.textContent).toBe('a');
		expect(root.querySelector('pre > code')?.className).toBe('language-ts');
	});

	it('keeps raw HTML in the markdown safe', () => {
		const root = parse(
			renderMarkdown(
				'[x](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(1)</script>'
			)
		);
		expect(root.innerHTML).not.toMatch(/javascript|onerror|<script/);
	});

	it('shows code in code blocks as text', () => {
		const root = parse(renderMarkdown('```html\n<script>alert(1)</script>\n```'));
		expect(root.querySelector('code')?.textContent).toBe('<script>alert(1)</script>\n');
		expect(root.querySelector('script')).toBeNull();
	});
});
