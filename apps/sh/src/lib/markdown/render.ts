import { Marked } from 'marked';
import { sanitizeHtml } from './sanitize.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Agent markdown as safe HTML: marked renders it (GitHub flavour), DOMPurify cleans the result.
 * Fenced code blocks come out as `<pre><code class="language-x">`, ready for highlighting.
 */
export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown, { async: false }));
}
