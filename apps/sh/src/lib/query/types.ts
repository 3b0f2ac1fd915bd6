import type { components } from '$lib/opencode/index.ts';

type Schemas = components['schemas'];

export type Session = Schemas['Session'];
export type SessionStatus = Schemas['SessionStatus'];
/** `GET /session/status`: only sessions that are not idle have an entry. */
export type SessionStatusMap = Record<string, SessionStatus>;
export type Message = Schemas['Message'];
export type Part = Schemas['Part'];
/** One item of `GET /session/{id}/message`. */
export type MessageWithParts = { info: Message; parts: Part[] };
export type PermissionRequest = Schemas['PermissionRequest'];
export type PermissionReply = 'once' | 'always' | 'reject';
export type Agent = Schemas['Agent'];
export type Provider = Schemas['Provider'];
/** `GET /config/providers`. */
export type ProviderCatalogue = { providers: Provider[]; default: Record<string, string> };
/** The error a `session.error` event carries. */
export type SessionError = NonNullable<Schemas['EventSessionError']['properties']['error']>;
/** The last error of each session since it last became busy (from `session.error` events). */
export type SessionErrorMap = Record<string, SessionError>;
