// A client-only single-page app: workspaces live in this browser's storage.
export const ssr = false;
export const prerender = false;
