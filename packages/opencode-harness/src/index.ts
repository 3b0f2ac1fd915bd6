export { opencodeExecutable } from './executable.ts';
export { startFakeModel, type FakeModel, type FakeModelOptions } from './fake-model.ts';
export { fakeModelControl, type FakeModelControl } from './fake-model-control.ts';
export type { FakeModelSettings } from './fake-model-state.ts';
export type {
	ChatMessage,
	ChatRequestBody,
	FakeCallKind,
	FakeModelCall,
	FakeReply,
	FakeReplyFn,
	FakeStreamOptions,
	FakeToolCall
} from './fake-model-types.ts';
export { FAKE_MODEL, fakeModelConfig, type OpencodeConfig } from './opencode-config.ts';
export {
	startOpencodeServer,
	type OpencodeServer,
	type OpencodeServerOptions
} from './opencode-server.ts';
export { startHarness, type Harness, type HarnessOptions } from './harness.ts';
export { readHarnessInfo, writeHarnessInfo, type HarnessInfo } from './harness-info.ts';
export { stopAll } from './registry.ts';
export { createSandbox, type Sandbox } from './sandbox.ts';
export { waitFor, type WaitForOptions } from './wait-for.ts';
