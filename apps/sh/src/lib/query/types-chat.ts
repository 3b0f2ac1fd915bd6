import type { components } from '$lib/opencode/index.ts';

type Schemas = components['schemas'];

/** What the server's config says new sessions use (`model` is `provider/model`). */
export type ConfigDefaults = { model?: string; defaultAgent?: string };
/** A message part of one type, e.g. `PartOf<'tool'>`. */
export type PartOf<T extends Schemas['Part']['type']> = Extract<Schemas['Part'], { type: T }>;
export type ToolPart = PartOf<'tool'>;
export type TextPart = PartOf<'text'>;
export type AssistantMessage = Schemas['AssistantMessage'];
export type UserMessage = Schemas['UserMessage'];
/** The error an assistant message ended with (aborted, provider failure...). */
export type MessageError = NonNullable<AssistantMessage['error']>;
/** A model as prompts name it. */
export type ModelChoice = { providerID: string; modelID: string };
