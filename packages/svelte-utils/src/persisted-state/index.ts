export * from './persisted-state.svelte.ts';
export { createMemoryStorage } from './memory-storage.ts';
