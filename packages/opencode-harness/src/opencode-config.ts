/** opencode's config as plain JSON (what `OPENCODE_CONFIG_CONTENT` holds). */
export type OpencodeConfig = Record<string, unknown>;

/** Provider id and model id of the fake model as opencode knows them. */
export const FAKE_MODEL = { providerID: 'fake', modelID: 'fake-model' } as const;

/**
 * A config that sends every model call (main and small model) to the fake model at `apiUrl`,
 * with `extra` deep-merged on top (e.g. `{ permission: { bash: 'ask' } }`).
 */
export function fakeModelConfig(apiUrl: string, extra: OpencodeConfig = {}): OpencodeConfig {
	const model = `${FAKE_MODEL.providerID}/${FAKE_MODEL.modelID}`;
	const base: OpencodeConfig = {
		provider: {
			[FAKE_MODEL.providerID]: {
				npm: '@ai-sdk/openai-compatible',
				name: 'Fake Local LLM',
				options: { baseURL: apiUrl, apiKey: 'dummy' },
				models: { [FAKE_MODEL.modelID]: { name: 'Fake Model', tool_call: true } }
			}
		},
		model,
		small_model: model
	};
	return deepMerge(base, extra);
}

function deepMerge(base: OpencodeConfig, extra: OpencodeConfig): OpencodeConfig {
	const merged: OpencodeConfig = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		const current = merged[key];
		merged[key] =
			isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
	}
	return merged;
}

function isPlainObject(value: unknown): value is OpencodeConfig {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
