/**
The app clock: one source of "now" for every age, duration and countdown, and one shared tick for re-rendering them.
*/
import type {AppClock} from './types.js';

/** The wall clock, ticking while anyone listens. */
export type TickingClock = AppClock & {stop(): void};

/** A clock tests step by hand. */
export type ManualClock = AppClock & {advance(ms: number): void; set(ms: number): void};

/**
Creates the wall clock. One unref'd interval runs only while at least one listener is subscribed, so an idle clock
never keeps the process alive.
*/
export function createTickingClock(options: {intervalMs?: number} = {}): TickingClock {
	const intervalMs = options.intervalMs ?? 1000;
	const listeners = new Set<() => void>();
	let timer: NodeJS.Timeout | undefined;

	const stopTimer = () => {
		if (timer) {
			clearInterval(timer);
			timer = undefined;
		}
	};

	return {
		now: () => Date.now(),
		subscribe(listener) {
			listeners.add(listener);
			timer ??= setInterval(() => {
				for (const each of [...listeners]) {
					each();
				}
			}, intervalMs).unref();
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) {
					stopTimer();
				}
			};
		},
		stop() {
			listeners.clear();
			stopTimer();
		},
	};
}

/** Creates a manual clock starting at `start` (epoch ms); every advance or set notifies the listeners once. */
export function createManualClock(start: number): ManualClock {
	let now = start;
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const each of [...listeners]) {
			each();
		}
	};

	return {
		now: () => now,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		advance(ms) {
			now += ms;
			notify();
		},
		set(ms) {
			now = ms;
			notify();
		},
	};
}
