import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'action', 'formaction']);

// What rendered markdown needs, and nothing else: no media, images, forms, frames or SVG, so
// agent output can neither run code nor load anything nor dress itself up as the app's UI.
const ALLOWED_TAGS = [
	'a',
	'blockquote',
	'br',
	'code',
	'del',
	'em',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'kbd',
	'li',
	'ol',
	'p',
	'pre',
	'strong',
	'sub',
	'sup',
	'table',
	'tbody',
	'td',
	'th',
	'thead',
	'tr',
	'ul'
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'align', 'start'];
// The only class kept: a code block's language, for highlighting. Any other class could pull in
// the app's own styles (`fixed inset-0 z-50`) and lay agent text over the interface.
const LANGUAGE_CLASS = /^language-[\w+#.-]+$/;

/**
 * Whether a URL may stay: relative, or http(s) or mailto. Everything else (javascript:, data:,
 * vbscript:, file:...) goes.
 */
export function isSafeUrl(url: string): boolean {
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1];
	return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

function withoutControlCharacters(value: string): string {
	let result = '';
	for (const char of value) {
		const code = char.charCodeAt(0);
		if (code > 0x20 && (code < 0x7f || code > 0x9f)) result += char;
	}
	return result;
}

let purifier: Purifier | undefined;

/** One DOMPurify instance of our own, so its hooks never touch anyone else's sanitising. */
function instance(): Purifier {
	if (purifier) return purifier;
	const created = DOMPurify(window);
	created.addHook('uponSanitizeAttribute', (node, data) => {
		if (data.attrName === 'class') {
			if (node.tagName !== 'CODE' || !LANGUAGE_CLASS.test(data.attrValue)) data.keepAttr = false;
			return;
		}
		if (!URL_ATTRIBUTES.has(data.attrName)) return;
		// Browsers ignore control characters and spaces inside a scheme (`jav\tascript:`).
		if (!isSafeUrl(withoutControlCharacters(data.attrValue))) data.keepAttr = false;
	});
	created.addHook('afterSanitizeAttributes', (node) => {
		if (node.tagName !== 'A' || !node.hasAttribute('href')) return;
		node.setAttribute('target', '_blank');
		node.setAttribute('rel', 'noopener noreferrer');
	});
	purifier = created;
	return created;
}

/**
 * Makes untrusted HTML (rendered agent output) safe to insert. Only text formatting, lists,
 * tables, code and links are kept; no scripts, event handlers, styles, images or other media,
 * forms, frames or SVG; links only to http(s), mailto or relative places, each opening in a new
 * tab with `rel="noopener noreferrer"`; no `javascript:` or `data:` URL survives.
 */
export function sanitizeHtml(html: string): string {
	return instance().sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR,
		ADD_ATTR: ['target'],
		ALLOW_DATA_ATTR: false,
		ALLOW_ARIA_ATTR: false
	});
}
