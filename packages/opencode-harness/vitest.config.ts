import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts'],
		// Some tests start a real opencode server (3–6 s each on two cores).
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
