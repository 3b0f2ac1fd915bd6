import { describe, expect, it } from 'vitest';
import { ascendingId } from './ids.ts';

describe('ascendingId', () => {
	it('has opencode’s shape', () => {
		expect(ascendingId('msg')).toMatch(/^msg_[0-9a-f]{12}[0-9A-Za-z]{14}$/);
		expect(ascendingId('prt')).toMatch(/^prt_/);
	});

	it('sorts by creation, within one millisecond too', () => {
		const ids = [ascendingId('msg', 5_000), ascendingId('msg', 5_000), ascendingId('msg', 5_001)];
		expect([...ids].sort()).toEqual(ids);
	});

	it('encodes time and counter as opencode does', () => {
		// An id opencode 1.18.33 made (counter 1); its time part keeps the low 48 bits.
		const server = 'msg_21fbcdb04001om22NTG00NFvSZ';
		const ours = ascendingId('msg', 0x21fbcdb04 + 2 ** 36);
		expect(ours.slice(0, 16)).toBe(server.slice(0, 16));
	});
});
