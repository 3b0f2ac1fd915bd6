export { openSection } from './open.ts';
export { multiSection, streamSection } from './streaming.ts';
export { transferSection } from './transfer.ts';
export type { Row, Section } from './types.ts';
export { workspacesSection } from './workspaces.ts';
