import type { Part, PartOf } from '$lib/query/index.ts';

/** Tokens and cost of a message's steps, summed. */
export type Usage = { input: number; output: number; reasoning: number; cost: number };

/** A message's parts as the chat shows them. */
export type PartGroups = {
	/** Parts with something to show, in order. */
	visible: Part[];
	/** Summed `step-finish` usage; undefined while no step has finished. */
	usage: Usage | undefined;
};

// Bookkeeping parts with nothing to read: step boundaries, snapshots, compaction markers.
const HIDDEN = new Set<Part['type']>(['step-start', 'step-finish', 'snapshot', 'compaction']);

function isShown(part: Part): boolean {
	if (HIDDEN.has(part.type)) return false;
	// Text the server added for the model (e.g. a file's contents), or empty text.
	if (part.type === 'text') return !part.synthetic && !part.ignored && part.text.length > 0;
	if (part.type === 'reasoning') return part.text.trim().length > 0;
	return true;
}

/** Splits a message's parts into what to render and its usage summary. */
export function groupParts(parts: readonly Part[]): PartGroups {
	const visible: Part[] = [];
	let usage: Usage | undefined;
	for (const part of parts) {
		if (part.type === 'step-finish') usage = addUsage(usage, part);
		else if (isShown(part)) visible.push(part);
	}
	return { visible, usage };
}

function addUsage(sum: Usage | undefined, step: PartOf<'step-finish'>): Usage {
	const base = sum ?? { input: 0, output: 0, reasoning: 0, cost: 0 };
	return {
		input: base.input + step.tokens.input,
		output: base.output + step.tokens.output,
		reasoning: base.reasoning + step.tokens.reasoning,
		cost: base.cost + step.cost
	};
}

/** "1,234 in · 56 out · $0.0012": usage in a few characters. */
export function formatUsage(usage: Usage): string {
	const number = new Intl.NumberFormat();
	const parts = [`${number.format(usage.input)} in`, `${number.format(usage.output)} out`];
	if (usage.reasoning) parts.push(`${number.format(usage.reasoning)} reasoning`);
	parts.push(`$${usage.cost.toFixed(usage.cost > 0 && usage.cost < 0.01 ? 4 : 2)}`);
	return parts.join(' · ');
}
