/**
The suite's one bounded poll, for tests that wait on real loopback I/O (a watch event, a log line, a frame). A test
must never sleep for a fixed time and then assume something has happened: it polls for the thing itself, with a
deadline that only a broken run reaches. To show that something did *not* happen, wait for a later event that must
come after it (a sentinel object's resourceVersion) and then check.
*/

/** Options of `waitFor`: the deadline, a step run before each poll, and what to say about the state on timeout. */
export type WaitOptions = {
	/** How long to poll before failing, in ms of wall time (default 5000: far beyond any healthy run, on a busy machine too). */
	ms?: number;
	/** Runs before each poll (to flush a buffer or advance a fake clock, say). */
	step?: () => void;
	/** Describes the state when the deadline passes, for the failure message (the last frame, the entries seen). */
	explain?: () => string;
	/** The pause between polls in ms (default 5); a check that runs a command or a request wants a longer one. */
	everyMs?: number;
};

/**
Polls `check` (which may be async) every 5 ms (or `options.everyMs`) until it is true; throws `timed out waiting for
<what>` after `options.ms`. An error thrown by `check` ends the wait with that error.
*/
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
	const deadline = Date.now() + (options.ms ?? 5000);
	for (;;) {
		options.step?.();
		if (await check()) {
			return;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}${options.explain ? `; ${options.explain()}` : ''}`);
		}

		await new Promise(resolve => setTimeout(resolve, options.everyMs ?? 5));
	}
}
