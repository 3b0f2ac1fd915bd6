import { describe, expect, it } from 'vitest';
import { morphChildren } from './morph.ts';

describe('morphChildren', () => {
	it('updates a growing paragraph in place', () => {
		const el = document.createElement('div');
		morphChildren(el, '<p>Hello <strong>you</strong> the</p>');
		const paragraph = el.firstElementChild;
		const strong = el.querySelector('strong');
		morphChildren(el, '<p>Hello <strong>you</strong> there, and more</p>');
		expect(el.innerHTML).toBe('<p>Hello <strong>you</strong> there, and more</p>');
		expect(el.firstElementChild).toBe(paragraph);
		expect(el.querySelector('strong')).toBe(strong);
	});

	it('replaces what changed kind and drops what went away', () => {
		const el = document.createElement('div');
		morphChildren(el, '<p>a</p><p>b</p>');
		morphChildren(el, '<ul><li>a</li></ul>');
		expect(el.innerHTML).toBe('<ul><li>a</li></ul>');
	});
});
