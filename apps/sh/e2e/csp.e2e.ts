import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { sharedHarness } from './support/shared-harness.ts';
import { addWorkspaceThroughWizard, workspaceRow } from './support/workspace-page.ts';

const { beta } = sharedHarness();

type Violation = { directive: string; blocked: string; sample: string; source: string };
type CspWindow = Window & {
	__cspViolations?: Violation[];
	__reportCspViolation?: (violation: Violation) => Promise<void>;
	__injectedScriptRan?: boolean;
};

/**
 * Records every CSP violation the page reports, across navigations and reloads: the
 * `securitypolicyviolation` events (also kept in `window.__cspViolations`) and the browser's own
 * console messages about the policy (a directive it ignores or does not understand, too).
 */
async function recordCspViolations(page: Page): Promise<string[]> {
	const seen: string[] = [];
	await page.exposeFunction('__reportCspViolation', (violation: Violation) => {
		seen.push(JSON.stringify(violation));
	});
	await page.addInitScript(() => {
		const w = window as CspWindow;
		w.__cspViolations = [];
		document.addEventListener(
			'securitypolicyviolation',
			(event) => {
				const violation = {
					directive: event.effectiveDirective,
					blocked: event.blockedURI,
					sample: event.sample,
					source: `${event.sourceFile}:${event.lineNumber}`
				};
				w.__cspViolations?.push(violation);
				void w.__reportCspViolation?.(violation);
			},
			{ capture: true }
		);
	});
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
	});
	return seen;
}

/** The policy's directives, each name mapped to its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

test('normal use (add a workspace, open sessions, reload) breaks no CSP rule', async ({ page }) => {
	const violations = await recordCspViolations(page);

	await page.goto('/workspaces');
	await expect(page.getByRole('heading', { name: 'No workspaces yet' })).toBeVisible();
	await addWorkspaceThroughWizard(page, {
		name: 'CSP',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	await expect(workspaceRow(page, 'CSP').getByTestId('workspace-status')).toContainText(
		'Connected'
	);

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Sessions' })
		.click();
	await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
	const sessionsLoaded = page
		.getByTestId('no-sessions')
		.or(page.getByTestId('session-row').first());
	await expect(sessionsLoaded).toBeVisible();

	await page.reload();
	await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
	await expect(sessionsLoaded).toBeVisible();
	await page.goto('/workspaces');
	await expect(workspaceRow(page, 'CSP').getByTestId('workspace-status')).toContainText(
		'Connected'
	);

	expect(violations).toEqual([]);
	expect(await page.evaluate(() => (window as CspWindow).__cspViolations)).toEqual([]);
});

test('the served fallback page carries the policy, with a hash for its only inline script', async ({
	request
}) => {
	// A deep link: what a static host answers with the SPA fallback page.
	const response = await request.get('/w/some-workspace/s/some-session');
	expect(response.status()).toBe(200);
	const html = await response.text();

	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/i.exec(html);
	expect(meta, 'a CSP <meta> tag in 200.html').not.toBeNull();
	// A <meta> policy only covers what comes after it.
	expect(meta!.index).toBeLessThan(html.indexOf('<script'));
	const policy = parsePolicy(meta![1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"'));

	const scriptSrc = policy.get('script-src') ?? [];
	expect(scriptSrc).toContain("'self'");
	expect(scriptSrc).not.toContain("'unsafe-inline'");
	expect(scriptSrc).not.toContain("'unsafe-eval'");
	const inlineScripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
	expect(inlineScripts.length).toBeGreaterThan(0);
	for (const script of inlineScripts) {
		const hash = createHash('sha256').update(script).digest('base64');
		expect(scriptSrc).toContain(`'sha256-${hash}'`);
	}
	expect(policy.get('object-src')).toEqual(["'none'"]);
	expect(policy.get('base-uri')).toEqual(["'none'"]);
	expect(policy.get('form-action')).toEqual(["'self'"]);
	expect(policy.get('connect-src')).toEqual(["'self'", 'http:', 'https:']);

	// frame-ancestors is ignored in a <meta> tag: hosts that read _headers send it as a header.
	const headers = await request.get('/_headers');
	expect(headers.status()).toBe(200);
	const headerRules = await headers.text();
	expect(headerRules).toContain("Content-Security-Policy: frame-ancestors 'none'");
	expect(headerRules).toContain('X-Content-Type-Options: nosniff');
	expect(headerRules).toContain('Referrer-Policy: no-referrer');
});

test('the policy is enforced: injected inline scripts and handlers do not run', async ({
	page
}) => {
	const violations = await recordCspViolations(page);
	await page.goto('/workspaces');
	await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();

	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injectedScriptRan = true;';
		document.body.append(script);
	});
	// The report proves the recorder works; the flag proves the script did not run.
	await expect(() =>
		expect(violations.join('\n')).toContain('"directive":"script-src-elem"')
	).toPass();
	expect(await page.evaluate(() => (window as CspWindow).__injectedScriptRan)).toBeUndefined();

	// An inline event handler, the usual payload of injected markup, is blocked the same way.
	await page.evaluate(() => {
		const button = document.createElement('button');
		button.textContent = 'Injected';
		button.setAttribute('onclick', 'window.__injectedScriptRan = true;');
		document.body.append(button);
	});
	await page.getByRole('button', { name: 'Injected' }).click();
	await expect(() =>
		expect(violations.join('\n')).toContain('"directive":"script-src-attr"')
	).toPass();
	expect(await page.evaluate(() => (window as CspWindow).__injectedScriptRan)).toBeUndefined();
});
