export { createBlockRenderer } from './render.ts';
export { sanitizeHtml } from './sanitize.ts';
export { highlightCodeBlocks, languageOf } from './highlight.ts';
export { morphChildren } from './morph.ts';
