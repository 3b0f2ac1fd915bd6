import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '@repo/opencode-harness/fixtures';

const PORT = Number(process.env.E2E_APP_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

const chromium = chromiumLaunchOptions();

export default defineConfig({
	testDir: 'apps/sh/e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: `test-results/playwright-${PORT}`,
	globalSetup: './apps/sh/e2e/support/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL,
		headless: true,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: chromium
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
	// The built static output with its SPA fallback and headers, served as `npm start` serves it
	// (not `vite preview`, which runs kit's own server and never uses the fallback page).
	webServer: {
		command: `pnpm exec tsx packages/tooling/src/start.ts --app-only --port ${PORT}`,
		url: baseURL,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
