import { describe, expect, it } from 'vitest';
import { createShortcutReader } from './shortcuts.ts';

function press(key: string, extra: Partial<KeyboardEvent> = {}) {
	return { key, ctrlKey: false, altKey: false, metaKey: false, target: document.body, ...extra };
}

describe('createShortcutReader', () => {
	it('reads single keys', () => {
		const read = createShortcutReader();
		expect(read(press('n'))).toEqual({ type: 'new-session' });
		expect(read(press('?'))).toEqual({ type: 'show-help' });
		expect(read(press('/'))).toEqual({ type: 'focus-composer' });
		expect(read(press('x'))).toBeUndefined();
	});

	it('reads g-sequences within the time limit only', () => {
		let time = 0;
		const read = createShortcutReader(() => time);
		expect(read(press('g'))).toBeUndefined();
		expect(read(press('3'))).toEqual({ type: 'jump-to-workspace', index: 2 });
		read(press('g'));
		expect(read(press('w'))).toEqual({ type: 'go', to: 'workspaces' });
		read(press('g'));
		time = 5_000;
		expect(read(press('s'))).toBeUndefined();
	});

	it('ignores keys typed into fields or with modifiers', () => {
		const read = createShortcutReader();
		const input = document.createElement('textarea');
		expect(read(press('n', { target: input }))).toBeUndefined();
		expect(read(press('n', { ctrlKey: true }))).toBeUndefined();
		expect(read(press('n', { metaKey: true }))).toBeUndefined();
	});
});
