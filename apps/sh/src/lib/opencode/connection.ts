/** What the client needs to reach one workspace's opencode server. */
export type WorkspaceConnection = {
	/** The workspace id; clients are cached under it. */
	id: string;
	/** The server's base URL, e.g. `http://127.0.0.1:4096` or an https tunnel. */
	url: string;
	username: string;
	/** Plain text, already unsealed by the caller. */
	password: string;
};
