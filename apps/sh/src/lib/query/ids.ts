const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 14;
const TIME_MASK = (1n << 48n) - 1n;

let lastTime = 0;
let counter = 0;

/**
 * A new id in opencode's own ascending format (`msg_` + 12 hex digits of time and a counter +
 * 14 random characters), so a message created here sorts after everything the server already
 * made and the server accepts it as the id of the message it creates (`messageID` of a prompt).
 * That lets the optimistic copy and the real message be one cache entry.
 */
export function ascendingId(prefix: 'msg' | 'prt', now = Date.now()): string {
	if (now !== lastTime) {
		lastTime = now;
		counter = 0;
	}
	counter += 1;
	const time = (BigInt(now) * 0x1000n + BigInt(counter)) & TIME_MASK;
	const random = crypto.getRandomValues(new Uint8Array(RANDOM_LENGTH));
	let tail = '';
	for (const byte of random) tail += BASE62[byte % 62];
	return `${prefix}_${time.toString(16).padStart(12, '0')}${tail}`;
}
