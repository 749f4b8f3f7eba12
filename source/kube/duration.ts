/**
Human-readable durations exactly as Kubernetes prints them (AGE, DURATION, "(5m ago)").
Port of staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go and of the
translateTimestampSince/Until helpers in pkg/printers/internalversion/printers.go.
*/

import {timeOf} from './types.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

// Go converts with int(), which truncates toward zero; Math.trunc keeps negative values right too.
const whole = (ms: number, unit: number): number => Math.trunc(ms / unit);

/**
Port of Go `duration.HumanDuration`: "70s", "3m10s", "100m", "5h3m", "8h", "2d3h", "367d", "2y5d", "10y".
Up to 2 s in the future (clock skew) prints "0s"; further in the future prints "<invalid>".
*/
export function humanDuration(ms: number): string {
	const seconds = whole(ms, second);
	if (seconds < -1) {
		return '<invalid>';
	}

	if (seconds < 0) {
		return '0s';
	}

	if (seconds < 60 * 2) {
		return `${seconds}s`;
	}

	const minutes = whole(ms, minute);
	if (minutes < 10) {
		const s = seconds % 60;
		return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
	}

	if (minutes < 60 * 3) {
		return `${minutes}m`;
	}

	const hours = whole(ms, hour);
	if (hours < 8) {
		const m = minutes % 60;
		return m === 0 ? `${hours}h` : `${hours}h${m}m`;
	}

	if (hours < 48) {
		return `${hours}h`;
	}

	const days = Math.trunc(hours / 24);
	if (hours < 24 * 8) {
		const h = hours % 24;
		return h === 0 ? `${days}d` : `${days}d${h}h`;
	}

	if (hours < 24 * 365 * 2) {
		return `${days}d`;
	}

	const years = Math.trunc(days / 365);
	if (hours < 24 * 365 * 8) {
		const dy = days % 365;
		return dy === 0 ? `${years}y` : `${years}y${dy}d`;
	}

	return `${years}y`;
}

/**
Port of Go `duration.ShortHumanDuration`: one unit only ("45s", "1m", "1h", "1d", "1y").
*/
export function shortHumanDuration(ms: number): string {
	const seconds = whole(ms, second);
	if (seconds < -1) {
		return '<invalid>';
	}

	if (seconds < 0) {
		return '0s';
	}

	if (seconds < 60) {
		return `${seconds}s`;
	}

	const minutes = whole(ms, minute);
	if (minutes < 60) {
		return `${minutes}m`;
	}

	const hours = whole(ms, hour);
	if (hours < 24) {
		return `${hours}h`;
	}

	if (hours < 24 * 365) {
		return `${Math.trunc(hours / 24)}d`;
	}

	// Go computes the years from the float hours, so 2y-1ms is still "1y".
	return `${Math.trunc(ms / hour / 24 / 365)}y`;
}

/**
Time elapsed since an RFC 3339 timestamp, as kubectl's AGE column prints it; "<unknown>" when missing.
*/
export function translateTimestampSince(ts: string | null | undefined, now: number): string {
	const at = timeOf(ts);
	return at === undefined ? '<unknown>' : humanDuration(now - at);
}

/**
Time remaining until an RFC 3339 timestamp; "<unknown>" when missing.
*/
export function translateTimestampUntil(ts: string | null | undefined, now: number): string {
	const at = timeOf(ts);
	return at === undefined ? '<unknown>' : humanDuration(at - now);
}
