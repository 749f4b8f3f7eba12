/**
Countdown text for a future moment: `in 37s`, `in 1m23s`, `in 2h5m`, `in 3d4h`, or `due` once it has passed.
*/

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/**
How long until `target`, as `in 37s`, `in 1m23s`, `in 2h5m` or `in 3d4h`; `due` when it is now or past (never negative).
Seconds round up, so the text reads `in 1s` until the very moment it becomes `due`.
*/
export function countdown(target: number, now: number): string {
	const remaining = target - now;
	if (!Number.isFinite(remaining) || remaining <= 0) {
		return 'due';
	}

	return `in ${spanText(Math.ceil(remaining / second) * second)}`;
}

/**
A span of time in the countdown style without the `in`: `37s`, `1m23s`, `2h5m`, `3d4h` (two units at most).
*/
export function spanText(ms: number): string {
	const total = Math.max(0, Math.floor(ms / second) * second);
	if (total < minute) {
		return `${total / second}s`;
	}

	if (total < hour) {
		return pair(Math.floor(total / minute), 'm', Math.floor((total % minute) / second), 's');
	}

	if (total < day) {
		return pair(Math.floor(total / hour), 'h', Math.floor((total % hour) / minute), 'm');
	}

	return pair(Math.floor(total / day), 'd', Math.floor((total % day) / hour), 'h');
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
	return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}
