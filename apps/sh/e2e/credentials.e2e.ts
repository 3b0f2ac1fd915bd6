import { expect, test, type Request } from '@playwright/test';
import { sharedHarness } from './support/shared-harness.ts';
import { addWorkspaceThroughWizard, workspaceRow } from './support/workspace-page.ts';

const { alpha, beta } = sharedHarness();

/** Basic credentials as the server expects them: base64 of the UTF-8 bytes of `user:password`. */
function basicAuth(username: string, password: string) {
	return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

type Seen = { method: string; url: string; origin: string; authorization: string | undefined };

test('each server only ever receives its own credentials; no other origin receives any', async ({
	page,
	baseURL
}) => {
	const expected = new Map([
		[new URL(alpha.url).origin, basicAuth(alpha.username, alpha.password!)],
		[new URL(beta.url).origin, basicAuth(beta.username, beta.password!)]
	]);
	expect(expected.size, 'alpha and beta on different origins').toBe(2);

	// Every request, redirect hops included, with the headers that really went on the wire.
	const requests = new Set<Request>();
	const pending: Promise<Seen>[] = [];
	page.on('request', (request) => {
		for (let hop: Request | null = request; hop && !requests.has(hop); hop = hop.redirectedFrom()) {
			requests.add(hop);
			const seen = hop;
			pending.push(
				seen
					.allHeaders()
					.catch(() => seen.headers())
					.then((headers) => ({
						method: seen.method(),
						url: seen.url(),
						origin: new URL(seen.url()).origin,
						authorization: headers['authorization']
					}))
			);
		}
	});

	await addWorkspaceThroughWizard(page, {
		name: 'Alpha',
		url: alpha.url,
		username: alpha.username,
		password: alpha.password!
	});
	await addWorkspaceThroughWizard(page, {
		name: 'Beta',
		url: beta.url,
		username: beta.username,
		password: beta.password!
	});
	for (const name of ['Alpha', 'Beta']) {
		await expect(workspaceRow(page, name).getByTestId('workspace-status')).toContainText(
			'Connected'
		);
	}

	const sessionLists = (origin: string) =>
		page.waitForResponse(
			(r) => r.url().startsWith(`${origin}/session`) && r.request().method() === 'GET'
		);
	const [alphaOrigin, betaOrigin] = [...expected.keys()] as [string, string];
	let listed = Promise.all([sessionLists(alphaOrigin), sessionLists(betaOrigin)]);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Sessions' })
		.click();
	await listed;
	listed = Promise.all([sessionLists(alphaOrigin), sessionLists(betaOrigin)]);
	await page.reload();
	await listed;
	await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();

	const seen = await Promise.all(pending);
	const toServer = (origin: string) => seen.filter((r) => r.origin === origin);
	for (const [origin, authorization] of expected) {
		const own = toServer(origin);
		// Both servers were really talked to with credentials, or the checks below prove nothing.
		expect(own.filter((r) => r.authorization === authorization).length).toBeGreaterThan(0);
		const wrong = own.filter(
			(r) => r.authorization !== undefined && r.authorization !== authorization
		);
		expect(wrong, `requests to ${origin} with another Authorization header`).toEqual([]);
		// The credentials never travel in the URL either (`?auth_token=` also works on opencode).
		expect(own.filter((r) => /auth_token=/i.test(r.url))).toEqual([]);
	}

	const elsewhere = seen.filter((r) => !expected.has(r.origin));
	expect(elsewhere.some((r) => r.origin === new URL(baseURL!).origin)).toBe(true);
	expect(
		elsewhere.filter((r) => r.authorization !== undefined),
		'requests to the app or any other origin with an Authorization header'
	).toEqual([]);
});
