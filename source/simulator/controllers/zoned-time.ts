/**
RFC 3339 in a named time zone, as Go's time.Format(time.RFC3339) prints a time.Time in that location.
*/

/** Formats `ms` in `timeZone` as RFC 3339 ("Z" for UTC, else "+hh:mm"/"-hh:mm"). */
export function rfc3339InZone(ms: number, timeZone: string | null | undefined): string {
	const zone = timeZone || 'UTC';
	const whole = Math.floor(ms / 1000) * 1000;
	if (zone === 'UTC' || zone === 'Etc/UTC') {
		return new Date(whole).toISOString().replace(/\.\d{3}Z$/, 'Z');
	}

	const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
		timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
	}).formatToParts(new Date(whole)).map(part => [part.type, part.value]));
	const local = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
	const offsetMinutes = Math.round((local - whole) / 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
	return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${offsetMinutes === 0 ? 'Z' : offset}`;
}

/** Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") in UTC, used by the MissSchedule event. */
export function rfc1123z(ms: number): string {
	const date = new Date(ms);
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
