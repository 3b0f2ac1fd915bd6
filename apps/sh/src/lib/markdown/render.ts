import { Marked } from 'marked';
import { sanitizeHtml } from './sanitize.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Renders markdown one top-level block (paragraph, list, fenced code, table...) at a time and
 * remembers each block's HTML: called again with the same text plus more, as while a reply
 * streams in, it only renders the blocks that changed, and those keep their place in the DOM.
 * Each block is marked's GitHub-flavoured HTML cleaned by DOMPurify; fenced code comes out as
 * `<pre><code class="language-x">`, ready for highlighting.
 */
export function createBlockRenderer(): (markdown: string) => string[] {
	let previous = new Map<string, string>();
	let previousLinks = '';
	return (markdown) => {
		// Lexing the whole text resolves reference links across blocks; it is the cheap part.
		const tokens = marked.lexer(markdown);
		const links = JSON.stringify(tokens.links);
		if (links !== previousLinks) previous = new Map();
		previousLinks = links;
		const current = new Map<string, string>();
		const blocks = tokens.map((token) => {
			const html =
				current.get(token.raw) ?? previous.get(token.raw) ?? sanitizeHtml(marked.parser([token]));
			current.set(token.raw, html);
			return html;
		});
		previous = current;
		// Blank lines between blocks render nothing.
		return blocks.filter((html) => html !== '');
	};
}

/** Agent markdown as one string of safe HTML, rendered once (no stream to follow). */
export function renderMarkdown(markdown: string): string {
	return createBlockRenderer()(markdown).join('');
}
