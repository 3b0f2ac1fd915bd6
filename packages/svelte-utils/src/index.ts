export * from './persisted-state/index.ts';
