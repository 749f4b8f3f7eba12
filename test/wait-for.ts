/**
Bounded polling for tests that wait on real loopback I/O.
*/

/** Polls `check` (5 ms steps) until it is true; fails after `ms`. `step` runs before each poll. */
export async function waitFor(what: string, check: () => boolean, options: {ms?: number; step?: () => void} = {}): Promise<void> {
	const deadline = Date.now() + (options.ms ?? 3000);
	for (;;) {
		options.step?.();
		if (check()) {
			return;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}

		await new Promise(resolve => setTimeout(resolve, 5));
	}
}
