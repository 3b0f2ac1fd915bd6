import type { HLJSApi, LanguageFn } from 'highlight.js';

type Loader = () => Promise<{ default: LanguageFn }>;

// The languages agents write most; each is fetched the first time a block needs it.
const LANGUAGES: Record<string, Loader> = {
	bash: () => import('highlight.js/lib/languages/bash'),
	c: () => import('highlight.js/lib/languages/c'),
	cpp: () => import('highlight.js/lib/languages/cpp'),
	css: () => import('highlight.js/lib/languages/css'),
	diff: () => import('highlight.js/lib/languages/diff'),
	go: () => import('highlight.js/lib/languages/go'),
	java: () => import('highlight.js/lib/languages/java'),
	javascript: () => import('highlight.js/lib/languages/javascript'),
	json: () => import('highlight.js/lib/languages/json'),
	markdown: () => import('highlight.js/lib/languages/markdown'),
	python: () => import('highlight.js/lib/languages/python'),
	rust: () => import('highlight.js/lib/languages/rust'),
	sql: () => import('highlight.js/lib/languages/sql'),
	typescript: () => import('highlight.js/lib/languages/typescript'),
	xml: () => import('highlight.js/lib/languages/xml'),
	yaml: () => import('highlight.js/lib/languages/yaml')
};

const ALIASES: Record<string, string> = {
	sh: 'bash',
	shell: 'bash',
	zsh: 'bash',
	console: 'bash',
	js: 'javascript',
	jsx: 'javascript',
	mjs: 'javascript',
	ts: 'typescript',
	tsx: 'typescript',
	html: 'xml',
	svelte: 'xml',
	svg: 'xml',
	py: 'python',
	rs: 'rust',
	yml: 'yaml',
	md: 'markdown',
	'c++': 'cpp',
	patch: 'diff'
};

/** The highlight.js language a code block's `language-x` class names, if we can load it. */
export function languageOf(code: Element): string | undefined {
	const match = /(?:^|\s)language-(\S+)/.exec(code.className);
	if (!match) return undefined;
	const name = match[1]!.toLowerCase();
	const language = ALIASES[name] ?? name;
	return language in LANGUAGES ? language : undefined;
}

let core: Promise<HLJSApi> | undefined;
const registered = new Map<string, Promise<void>>();

function loadCore(): Promise<HLJSApi> {
	core ??= import('highlight.js/lib/core').then((module) => module.default);
	return core;
}

function register(hljs: HLJSApi, language: string): Promise<void> {
	let done = registered.get(language);
	if (!done) {
		done = LANGUAGES[language]!().then((module) => hljs.registerLanguage(language, module.default));
		registered.set(language, done);
	}
	return done;
}

/**
 * Highlights the fenced code blocks under `root` that name a known language. highlight.js and
 * each language are imported the first time a block needs them, so chats without code never
 * load them. highlight.js reads the block's text and writes escaped markup, so it stays safe.
 */
export async function highlightCodeBlocks(root: HTMLElement): Promise<void> {
	const blocks = [...root.querySelectorAll('pre > code')].filter(
		(code): code is HTMLElement => code instanceof HTMLElement && !code.dataset.highlighted
	);
	const wanted = blocks.flatMap((code) => {
		const language = languageOf(code);
		return language ? [{ code, language }] : [];
	});
	if (wanted.length === 0) return;
	const hljs = await loadCore();
	await Promise.all([...new Set(wanted.map((w) => w.language))].map((l) => register(hljs, l)));
	for (const { code, language } of wanted) {
		if (!code.isConnected || code.dataset.highlighted) continue;
		const { value } = hljs.highlight(code.textContent ?? '', { language, ignoreIllegals: true });
		code.innerHTML = value;
		code.dataset.highlighted = 'yes';
		code.classList.add('hljs');
	}
}
