import morphdom from 'morphdom';

/**
 * Makes `el`'s children match `html` (already sanitised), changing only what differs: a block
 * that grew keeps its nodes and only its last text node changes, so the browser lays out the new
 * words instead of a whole new paragraph. The HTML is parsed in a `<template>`, where nothing in
 * it can load or run.
 */
export function morphChildren(el: HTMLElement, html: string): void {
	const template = el.ownerDocument.createElement('template');
	template.innerHTML = `<div>${html}</div>`;
	morphdom(el, template.content.firstElementChild!, { childrenOnly: true });
}
