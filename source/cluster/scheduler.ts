/**
Timers and time for the watch loops, injectable so tests step them instead of sleeping.
*/

/** A source of time and one-shot timers. */
export type Scheduler = {
	now(): number;
	/** Runs `callback` after `ms`; returns the cancel function. */
	setTimer(callback: () => void, ms: number): () => void;
};

/** The longest delay setTimeout can hold (2^31 - 1 ms, 24.8 days); beyond it Node fires after 1 ms, with a warning. */
export const longestDelayMs = 2_147_483_647;

/** `ms` as setTimeout can take it: a number in [0, longestDelayMs] (NaN counts as 0). */
export function clampDelay(ms: number): number {
	return Number.isNaN(ms) ? 0 : Math.min(Math.max(ms, 0), longestDelayMs);
}

/** The real scheduler: wall time and unref'd timeouts, so a pending retry never keeps the process alive by itself. */
export const realScheduler: Scheduler = {
	now: () => Date.now(),
	setTimer(callback, ms) {
		const timer = setTimeout(callback, clampDelay(ms));
		timer.unref();
		return () => {
			clearTimeout(timer);
		};
	},
};

/** A scheduler whose timers fire only when advanced (tests). */
export type ManualScheduler = Scheduler & {
	advance(ms: number): void;
	/** How many timers are waiting. */
	pending(): number;
};

/** Creates a manual scheduler starting at `start` (epoch ms). */
export function createManualScheduler(start: number): ManualScheduler {
	let now = start;
	let nextId = 0;
	const timers = new Map<number, {at: number; callback: () => void}>();
	return {
		now: () => now,
		setTimer(callback, ms) {
			const id = nextId++;
			timers.set(id, {at: now + Math.max(0, ms), callback});
			return () => {
				timers.delete(id);
			};
		},
		advance(ms) {
			const end = now + ms;
			for (;;) {
				let next: [number, {at: number; callback: () => void}] | undefined;
				for (const entry of timers) {
					if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) {
						next = entry;
					}
				}

				if (!next) {
					break;
				}

				timers.delete(next[0]);
				now = Math.max(now, next[1].at);
				next[1].callback();
			}

			now = end;
		},
		pending: () => timers.size,
	};
}

/** Resolves after `ms` on the scheduler, or at once when `signal` aborts. */
export async function sleep(scheduler: Scheduler, ms: number, signal: AbortSignal): Promise<void> {
	if (signal.aborted) {
		return;
	}

	await new Promise<void>(resolve => {
		const done = () => {
			cancel();
			signal.removeEventListener('abort', done);
			resolve();
		};

		const cancel = scheduler.setTimer(done, ms);
		signal.addEventListener('abort', done, {once: true});
	});
}
