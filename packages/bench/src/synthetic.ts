import type { Message, Recording } from './record.ts';

/** A session the replay server makes up from the recording. */
export type SyntheticSession = {
	info: Record<string, unknown> & { id: string; directory: string; title: string };
	/** Oldest first. */
	messages: Message[];
	/** Text only the newest message contains. */
	lastMarker: string;
	/** The newest message's text part, which streamed deltas extend. */
	streamTarget: { messageID: string; partID: string };
};

let sessionCounter = 0;

/** Fixed-width, increasing ids: opencode's UI finds messages and parts by binary search on id. */
function makeId(prefix: string, tag: string, n: number): string {
	return `${prefix}_${n.toString(16).padStart(12, '0')}${tag}`;
}

/**
 * A session of `count` messages cloned from the recorded exchange (user text → assistant with a
 * completed bash tool part → assistant markdown text), each text tagged `MSG#k`. The newest
 * message is an unfinished assistant text, so events can stream into it.
 */
export function syntheticSession(
	recording: Recording,
	count: number,
	title: string
): SyntheticSession {
	const n = sessionCounter++;
	const tag = `bench${String(n).padStart(9, '0')}`;
	const sessionID = `ses_${tag}${String(count).padStart(12, '0')}`;
	const start = Date.now() - count * 1_000;
	const template = recording.messages;
	const messages: Message[] = [];
	let lastUser = '';
	for (let k = 0; k < count; k++) {
		// The newest message always comes from the recorded text reply.
		const source = k === count - 1 ? template.at(-1)! : template[k % template.length]!;
		const id = makeId('msg', tag, start + k);
		const created = start + k * 1_000;
		const info: Message['info'] = { ...structuredClone(source.info), id, sessionID };
		info.time = info.role === 'user' ? { created } : { created, completed: created + 900 };
		if (info.role === 'user') lastUser = id;
		else info.parentID = lastUser;
		const parts = source.parts.map((part, j) => {
			const clone: Message['parts'][number] = {
				...structuredClone(part),
				id: makeId('prt', tag, (start + k) * 8 + j)
			};
			clone.messageID = id;
			clone.sessionID = sessionID;
			if (clone.type === 'text') clone.text = `MSG#${k} ${String(part.text)}`;
			if (clone.type === 'tool') clone.callID = `call_${k}`;
			return clone;
		});
		messages.push({ info, parts });
	}
	const lastMarker = `LAST-${tag}`;
	const last = openAssistant(messages.at(-1)!, lastMarker);
	messages[messages.length - 1] = last;
	const textPart = last.parts.find((part) => part.type === 'text')!;
	const info = {
		...structuredClone(recording.session),
		id: sessionID,
		slug: `bench-${n}`,
		title,
		time: { created: start, updated: start + count * 1_000 }
	} as unknown as SyntheticSession['info'];
	return {
		info,
		messages,
		lastMarker,
		streamTarget: { messageID: last.info.id, partID: textPart.id }
	};
}

/** The newest message as an assistant reply still being written: its text part marked. */
function openAssistant(message: Message, marker: string): Message {
	const info: Message['info'] = {
		...message.info,
		time: { created: (message.info.time as { created: number }).created }
	};
	delete info.finish;
	const parts = message.parts
		.filter((part) => part.type !== 'step-finish')
		.map((part) => (part.type === 'text' ? { ...part, text: `${marker} streaming:` } : part));
	return { info, parts };
}
