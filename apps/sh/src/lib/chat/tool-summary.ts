const MAX_LENGTH = 120;

// The input field that says most about a call, per tool; others fall back to a generic guess.
const KEY_FIELDS: Record<string, string[]> = {
	bash: ['command'],
	read: ['filePath'],
	write: ['filePath'],
	edit: ['filePath'],
	multiedit: ['filePath'],
	patch: ['filePath'],
	list: ['path'],
	glob: ['pattern', 'path'],
	grep: ['pattern', 'path'],
	webfetch: ['url'],
	websearch: ['query'],
	codesearch: ['query'],
	task: ['description'],
	skill: ['name']
};

const GENERIC_FIELDS = ['command', 'filePath', 'path', 'pattern', 'url', 'query', 'description'];

function oneLine(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
}

/**
 * A one-line, plain-text summary of a tool call's input: the bash command, the file read, the
 * pattern searched ("pattern in path")... Empty while the input is still unknown.
 */
export function summarizeToolInput(tool: string, input: Record<string, unknown> | undefined) {
	if (!input) return '';
	const strings = (fields: string[]) =>
		fields.flatMap((field) => {
			const value = input[field];
			return typeof value === 'string' && value.trim() ? [value] : [];
		});
	const known = KEY_FIELDS[tool];
	if (known) {
		const values = strings(known);
		if (values.length) return oneLine(values.join(' in '));
	}
	if (tool === 'todowrite' && Array.isArray(input.todos)) {
		return `${input.todos.length} ${input.todos.length === 1 ? 'todo' : 'todos'}`;
	}
	const generic = strings(GENERIC_FIELDS)[0];
	if (generic) return oneLine(generic);
	const entries = Object.keys(input);
	return entries.length ? oneLine(JSON.stringify(input)) : '';
}
