/** Filters of the session list; each combination is its own cache entry. */
export type SessionListFilters = {
	/** Only sessions without a parent (no subtask sessions). */
	roots?: boolean;
};

const workspace = (ws: string) => ['ws', ws] as const;
const sessions = (ws: string) => [...workspace(ws), 'sessions'] as const;
const sessionLists = (ws: string) => [...sessions(ws), 'list'] as const;
const messages = (ws: string) => [...workspace(ws), 'messages'] as const;
const permissions = (ws: string) => [...workspace(ws), 'permissions'] as const;

/**
 * Every query key of the app, general to specific. Each begins with the
 * workspace id, so one workspace's entries can be found, refetched or dropped together.
 */
export const keys = {
	/** Everything cached for one workspace. */
	workspace,
	sessions: {
		all: sessions,
		lists: sessionLists,
		list: (ws: string, filters: SessionListFilters = {}) => [...sessionLists(ws), filters] as const,
		detail: (ws: string, sessionId: string) => [...sessions(ws), 'detail', sessionId] as const,
		statuses: (ws: string) => [...sessions(ws), 'status'] as const,
		errors: (ws: string) => [...sessions(ws), 'errors'] as const
	},
	messages: {
		all: messages,
		list: (ws: string, sessionId: string) => [...messages(ws), sessionId] as const,
		/** The cursor of the messages before the loaded ones (`null`: the first is loaded). */
		older: (ws: string, sessionId: string) => [...messages(ws), sessionId, 'older'] as const
	},
	permissions: {
		all: permissions,
		list: (ws: string) => [...permissions(ws), 'list'] as const
	},
	providers: (ws: string) => [...workspace(ws), 'providers'] as const,
	agents: (ws: string) => [...workspace(ws), 'agents'] as const,
	config: (ws: string) => [...workspace(ws), 'config'] as const
};
