/**
Simulated time. Every controller, the kubelet and the API server read time only from a SimClock, so tests can step
a manual clock and `--speed` can run a scenario faster than the wall clock.
*/

/** A source of simulated time in epoch milliseconds. */
export type SimClock = {
	now(): number;
	/** True when time only moves through `advance` (tests). */
	readonly manual: boolean;
};

/** A clock that only moves when told to: tests step it explicitly and never sleep. */
export class ManualClock implements SimClock {
	readonly manual = true;
	#now: number;

	constructor(start: number) {
		this.#now = start;
	}

	now(): number {
		return this.#now;
	}

	/** Moves time forward by `ms` milliseconds. */
	advance(ms: number): void {
		if (ms < 0) {
			throw new RangeError('time only moves forward');
		}

		this.#now += ms;
	}
}

/** Wall-clock time sped up by `speed` (1 = real time), starting at `start`. */
export class ScaledClock implements SimClock {
	readonly manual = false;
	readonly #origin: number;
	readonly #realOrigin: number;
	readonly #speed: number;
	readonly #realNow: () => number;

	constructor(speed = 1, start?: number, realNow: () => number = Date.now) {
		this.#realNow = realNow;
		this.#realOrigin = realNow();
		this.#origin = start ?? this.#realOrigin;
		this.#speed = speed;
	}

	now(): number {
		return this.#origin + ((this.#realNow() - this.#realOrigin) * this.#speed);
	}
}
