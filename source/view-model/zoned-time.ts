/**
Formats an instant in an IANA time zone for people: `2026-11-23 12:01:00 +01:00`.
*/
import {formatRfc3339InZone} from '../kube/cron/cronjob-job.js';

/** Whether the runtime knows this IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
	try {
		formatRfc3339InZone(0, timeZone);
		return true;
	} catch {
		return false;
	}
}

/** `2026-11-23 12:01:00 +01:00`: the wall-clock time in `timeZone` (UTC when absent) with its offset. Throws on an unknown zone. */
export function formatInZone(ms: number, timeZone = 'UTC'): string {
	const rfc3339 = formatRfc3339InZone(ms, timeZone);
	const date = rfc3339.slice(0, 10);
	const time = rfc3339.slice(11, 19);
	const offset = rfc3339.slice(19);
	return `${date} ${time} ${offset === 'Z' ? '+00:00' : offset}`;
}
