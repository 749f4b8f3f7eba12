/**
Simulated time. Every controller, the kubelet and the API server (its watch timeouts and bookmarks, the delays of
injected faults) read time and set timers only through a SimClock, so tests can step a manual clock and `--speed` can
run a scenario faster than the wall clock. This file and the scale scenario's load generator are the only simulator
files that touch the wall clock; the simulator keeps its own clock because it imports nothing from the app.
*/

/** A source of simulated time in epoch milliseconds, and timers that run on it. */
export type SimClock = {
	now(): number;
	/** Runs `callback` once after `ms` of simulated time; returns the cancel function. */
	setTimer(callback: () => void, ms: number): () => void;
	/** True when time only moves through `advance` (tests). */
	readonly manual: boolean;
};

// The longest delay a Node timer can hold; a longer one would fire after 1 ms.
const maxDelayMs = 2 ** 31 - 1;
const clamp = (ms: number) => (Number.isNaN(ms) ? 0 : Math.min(maxDelayMs, Math.max(0, ms)));

/** The wall clock, for what must follow real time whatever the simulated time (resourceVersions that never repeat across runs). */
export function wallNow(): number {
	return Date.now();
}

type Timer = {readonly id: number; readonly at: number; readonly callback: () => void};

/** A clock that only moves when told to: tests step it explicitly and never sleep. */
export class ManualClock implements SimClock {
	readonly manual = true;
	#now: number;
	#nextId = 0;
	readonly #timers = new Map<number, Timer>();

	constructor(start: number) {
		this.#now = start;
	}

	now(): number {
		return this.#now;
	}

	setTimer(callback: () => void, ms: number): () => void {
		const id = this.#nextId++;
		this.#timers.set(id, {id, at: this.#now + clamp(ms), callback});
		return () => {
			this.#timers.delete(id);
		};
	}

	/** How many timers are waiting. */
	get pending(): number {
		return this.#timers.size;
	}

	/** Moves time forward by `ms` milliseconds, firing the timers that fall due on the way, earliest first. */
	advance(ms: number): void {
		if (ms < 0) {
			throw new RangeError('time only moves forward');
		}

		const end = this.#now + ms;
		for (;;) {
			let next: Timer | undefined;
			for (const timer of this.#timers.values()) {
				if (timer.at <= end && (!next || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) {
					next = timer;
				}
			}

			if (!next) {
				break;
			}

			this.#timers.delete(next.id);
			this.#now = Math.max(this.#now, next.at);
			next.callback();
		}

		this.#now = end;
	}
}

/** Wall-clock time sped up by `speed` (1 = real time), starting at `start`; its timers are real, unref'd timeouts. */
export class ScaledClock implements SimClock {
	readonly manual = false;
	readonly #origin: number;
	readonly #realOrigin: number;
	readonly #speed: number;
	readonly #realNow: () => number;

	constructor(speed = 1, start?: number, realNow: () => number = wallNow) {
		this.#realNow = realNow;
		this.#realOrigin = realNow();
		this.#origin = start ?? this.#realOrigin;
		this.#speed = speed;
	}

	now(): number {
		return this.#origin + ((this.#realNow() - this.#realOrigin) * this.#speed);
	}

	setTimer(callback: () => void, ms: number): () => void {
		// Simulated milliseconds pass `speed` times faster than real ones.
		const timer = setTimeout(callback, clamp(ms / this.#speed));
		timer.unref();
		return () => {
			clearTimeout(timer);
		};
	}
}
