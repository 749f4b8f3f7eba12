/**
Go's RFC 1123Z time layout, for the events the cronjob controller writes.
*/

/** Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") in UTC, used by the MissSchedule event. */
export function rfc1123z(ms: number): string {
	const date = new Date(ms);
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
