/**
The app's one clock: the only source of "now" for every age, duration and countdown, of every timer (the store's and
the log buffer's coalesced notifications, watch retries and deadlines, log reconnects, the namespace re-check, an
action's polling) and of the shared tick that re-renders the screen. The real one reads the system clock; tests step
a manual one, so no test has to sleep on wall time. A guard test keeps `Date.now`, `setTimeout` and `setInterval` out
of every other app file.
*/

/** A source of time, one-shot timers and a steady tick. */
export type Clock = {
	/** The current time, epoch ms. */
	now(): number;
	/** Runs `callback` once after `ms` (clamped to what a timer can wait, see clampDelay); returns the cancel function. */
	setTimer(callback: () => void, ms: number): () => void;
	/** Calls `tick` on every tick (once a second on the system clock; on each advance of a manual one). Returns the unsubscribe. */
	subscribe(tick: () => void): () => void;
};

/** The system clock, which can stop its tick. */
export type SystemClock = Clock & {
	stop(): void;
	/**
	Keeps the process alive until the returned release is called. Every timer is unref'd (a pending retry must not hold
	a quitting process), so a command with nothing else open — `kjobs wait` between two watch retries, with no terminal
	on stdin — would otherwise end mid-wait.
	*/
	keepAlive(): () => void;
};

/** A clock tests step by hand: time and timers move only through advance and set. */
export type ManualClock = Clock & {
	/** Moves time forward by `ms`, firing every timer that falls due on the way, in order, then ticks once. */
	advance(ms: number): void;
	/** Moves time to `ms` (firing due timers when that is forward), then ticks once. */
	set(ms: number): void;
	/** How many timers are waiting. */
	pending(): number;
};

/** The longest delay a Node timer can hold (2^31 − 1 ms, about 24.8 days). */
export const maxDelayMs = 2 ** 31 - 1;

/**
Brings a delay into [0, maxDelayMs]. Node treats a longer delay (a server's huge Retry-After, say) as 1 ms, which
would turn one long wait into a tight loop; so the longest wait is the longest a timer can hold. A delay that is not
a number at all waits 0 ms.
*/
export function clampDelay(ms: number): number {
	if (Number.isNaN(ms)) {
		return 0;
	}

	return Math.min(maxDelayMs, Math.max(0, ms));
}

/**
Creates the system clock: wall time and real timers. Every timer is unref'd, so a pending retry never keeps the
process alive by itself; one interval runs the tick only while at least one listener is subscribed.
*/
export function createSystemClock(options: {tickMs?: number} = {}): SystemClock {
	const tickMs = options.tickMs ?? 1000;
	const listeners = new Set<() => void>();
	let ticker: NodeJS.Timeout | undefined;

	const stopTicker = () => {
		if (ticker) {
			clearInterval(ticker);
			ticker = undefined;
		}
	};

	return {
		now: () => Date.now(),
		setTimer(callback, ms) {
			const timer = setTimeout(callback, clampDelay(ms));
			timer.unref();
			return () => {
				clearTimeout(timer);
			};
		},
		subscribe(listener) {
			listeners.add(listener);
			ticker ??= setInterval(() => {
				for (const each of [...listeners]) {
					each();
				}
			}, tickMs).unref();
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) {
					stopTicker();
				}
			};
		},
		stop() {
			listeners.clear();
			stopTicker();
		},
		keepAlive() {
			const hold = setInterval(() => {}, maxDelayMs);
			return () => {
				clearInterval(hold);
			};
		},
	};
}

type Timer = {readonly id: number; readonly at: number; readonly callback: () => void};

/** Creates a manual clock starting at `start` (epoch ms). */
export function createManualClock(start: number): ManualClock {
	let now = start;
	let nextId = 0;
	const timers = new Map<number, Timer>();
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const each of [...listeners]) {
			each();
		}
	};

	// Fires due timers one at a time, earliest first (the first set among equals), so a timer a callback sets that
	// also falls due before `end` fires in this same advance, in its place.
	const runUntil = (end: number) => {
		for (;;) {
			let next: Timer | undefined;
			for (const timer of timers.values()) {
				if (timer.at <= end && (!next || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) {
					next = timer;
				}
			}

			if (!next) {
				break;
			}

			timers.delete(next.id);
			now = Math.max(now, next.at);
			next.callback();
		}

		now = end;
	};

	return {
		now: () => now,
		setTimer(callback, ms) {
			const id = nextId++;
			timers.set(id, {id, at: now + clampDelay(ms), callback});
			return () => {
				timers.delete(id);
			};
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		advance(ms) {
			if (!(ms >= 0)) {
				throw new RangeError(`time only moves forward (advance(${ms}))`);
			}

			runUntil(now + ms);
			notify();
		},
		set(ms) {
			if (ms >= now) {
				runUntil(ms);
			} else {
				now = ms;
			}

			notify();
		},
		pending: () => timers.size,
	};
}

/** Resolves after `ms` on `clock`, or at once when `signal` aborts (or has already). */
export async function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) {
		return;
	}

	await new Promise<void>(resolve => {
		const done = () => {
			cancel();
			signal?.removeEventListener('abort', done);
			resolve();
		};

		const cancel = clock.setTimer(done, ms);
		signal?.addEventListener('abort', done, {once: true});
	});
}
