/** The opencode major version this app speaks. */
export const SUPPORTED_MAJOR = 1;

/** Why this app cannot talk to a server of `version`, or undefined when it can. */
export function versionProblem(version: string): string | undefined {
	const major = /^v?(\d+)\./.exec(version.trim())?.[1];
	if (major === undefined) return `The server reports an unknown version ("${version}").`;
	if (Number(major) !== SUPPORTED_MAJOR) {
		return `opencode ${version} is not supported; this app works with ${SUPPORTED_MAJOR}.x.`;
	}
	return undefined;
}
