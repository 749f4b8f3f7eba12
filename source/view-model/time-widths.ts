/**
How wide time cells (ages, durations, countdowns) get, worked out without building them. A list table sizes its time
columns from one bound over all its rows (the oldest age, the furthest countdown), so the width never depends on which
rows are on screen and scrolling never moves a column.
*/

/** A time cell's width at any moment: `extra` cells plus an age since `since`, or a countdown until `until` (epoch ms). */
export type TimeBound = {readonly since: number; readonly extra: number} | {readonly until: number; readonly extra: number};

/** The bounds of one column over many rows: the oldest age and the furthest countdown, with the most extra cells. */
export type ColumnClock = {since: number; sinceExtra: number; until: number; untilExtra: number};

/** Widens a column clock to hold one more row's bound. */
export function addBound(clock: ColumnClock, bound: TimeBound): void {
	if ('since' in bound) {
		clock.since = Math.min(clock.since, bound.since);
		clock.sinceExtra = Math.max(clock.sinceExtra, bound.extra);
	} else {
		clock.until = Math.max(clock.until, bound.until);
		clock.untilExtra = Math.max(clock.untilExtra, bound.extra);
	}
}

/** The widest any cell the clock bounds can be at `now` (0 when it bounds nothing). */
export function clockWidth(clock: ColumnClock, now: number): number {
	const age = clock.since === Number.POSITIVE_INFINITY ? 0 : clock.sinceExtra + humanDurationBound(now - clock.since);
	const left = clock.until === Number.NEGATIVE_INFINITY ? 0 : clock.untilExtra + countdownBound(clock.until - now);
	return Math.max(age, left);
}

const second = 1000;
const day = 24 * 60 * 60 * second;

/**
The widest kubectl's humanDuration (kube/duration.ts) gets for any span up to `ms`: `9s`, `99s`, `119s`, then at most
five cells (`9m59s`, `7h59m`, `6d23h`) until two years, six after (`2y364d`). It only grows with `ms`.
*/
export function humanDurationBound(ms: number): number {
	const seconds = Math.floor(ms / second);
	if (seconds < -1) {
		return '<invalid>'.length;
	}

	return seconds < 10 ? 2 : seconds < 100 ? 3 : seconds < 120 ? 4 : ms < 730 * day ? 5 : 6;
}

/**
The widest a countdown (countdown.ts) gets for anything up to `ms` away: `due`, `in 9s`, `in 59s`, `in 9m59s`, then
`in 23h59m` and `in 9d23h` (nine cells) until ten days, more after. It only grows with `ms`.
*/
export function countdownBound(ms: number): number {
	if (ms <= 0) {
		return 'due'.length;
	}

	const seconds = Math.ceil(ms / second);
	return seconds < 10 ? 5 : seconds < 60 ? 6 : seconds < 600 ? 8 : ms < 10 * day ? 9 : ms < 100 * day ? 10 : 12;
}
