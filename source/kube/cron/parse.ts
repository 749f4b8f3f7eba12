/**
Parsing CronJob schedules as Kubernetes does (robfig/cron ParseStandard: five fields, the @yearly…@hourly
descriptors and `@every <duration>`), evaluated with the cron-parser library rather than a hand-written one.
*/

import {CronExpressionParser, type CronExpression} from 'cron-parser';

/** A parsed schedule: `next(t)` is the first run strictly after t, undefined if it never runs again. */
export type Schedule = {
	readonly schedule: string;
	readonly timeZone: string;
	next(after: number): number | undefined;
};

const descriptors: Record<string, string> = {
	'@yearly': '0 0 1 1 *',
	'@annually': '0 0 1 1 *',
	'@monthly': '0 0 1 * *',
	'@weekly': '0 0 * * 0',
	'@daily': '0 0 * * *',
	'@midnight': '0 0 * * *',
	'@hourly': '0 * * * *',
};

const months = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const days = 'sun|mon|tue|wed|thu|fri|sat';
// What robfig/cron accepts per field: numbers, names for month/weekday, and * ? , - / (no L, W, # or H).
const fieldPatterns = [
	{name: 'minute', pattern: /^[\d*?,/-]+$/, max: 59},
	{name: 'hour', pattern: /^[\d*?,/-]+$/, max: 23},
	{name: 'day of month', pattern: /^[\d*?,/-]+$/, max: 31},
	{name: 'month', pattern: new RegExp(`^(?:[\\d*?,/-]|${months})+$`, 'i'), max: 12},
	{name: 'day of week', pattern: new RegExp(`^(?:[\\d*?,/-]|${days})+$`, 'i'), max: 6},
];

const durationUnits: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/**
Parses a Go duration string ("1h30m", "90s", "1.5h") into ms; throws on anything else.
*/
export function parseGoDuration(text: string): number {
	if (text === '0') {
		return 0;
	}

	const match = /^([-+]?)((?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
	if (!match) {
		throw new Error(`time: invalid duration "${text}"`);
	}

	let total = 0;
	for (const part of text.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
		total += Number(part[1]) * durationUnits[part[2]!]!;
	}

	return match[1] === '-' ? -total : total;
}

function validateTimeZone(timeZone: string | null | undefined): string {
	if (timeZone === undefined || timeZone === null || timeZone === '') {
		// The simulator's kube-controller-manager runs in UTC.
		return 'UTC';
	}

	if (timeZone.toLowerCase() === 'local') {
		throw new Error('invalid timeZone: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
	}

	try {
		new Intl.DateTimeFormat('en-US', {timeZone});
	} catch {
		throw new Error(`invalid timeZone: "${timeZone}": unknown time zone ${timeZone}`);
	}

	return timeZone;
}

function everySchedule(schedule: string, timeZone: string, durationText: string): Schedule {
	let delay: number;
	try {
		delay = parseGoDuration(durationText);
	} catch (error) {
		throw new Error(`invalid schedule "${schedule}": failed to parse duration ${durationText}: ${(error as Error).message}`);
	}

	// robfig/cron rounds the delay down to whole seconds, with a 1 s minimum.
	delay = delay < 1000 ? 1000 : delay - (delay % 1000);
	return {schedule, timeZone, next: after => (Math.floor(after / 1000) * 1000) + delay};
}

function validateFields(schedule: string, fields: string[]): void {
	if (fields.length !== 5) {
		throw new Error(`invalid schedule "${schedule}": expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
	}

	for (const [index, field] of fields.entries()) {
		const rule = fieldPatterns[index]!;
		if (!rule.pattern.test(field)) {
			throw new Error(`invalid schedule "${schedule}": unsupported characters in the ${rule.name} field "${field}" (only numbers, names, * ? , - / are allowed)`);
		}

		for (const number of field.match(/\d+/g) ?? []) {
			// Step sizes may exceed the range; only check values that are not after a "/".
			if (Number(number) > rule.max && !new RegExp(`/${number}(?!\\d)`).test(field)) {
				throw new Error(`invalid schedule "${schedule}": ${rule.name} value ${number} is above the maximum (${rule.max})`);
			}
		}
	}
}

/**
Parses a CronJob schedule in its time zone (default UTC); throws Error with a clear message when Kubernetes would
reject it: TZ=/CRON_TZ= prefixes, not exactly five fields, unknown descriptors, L/W/#/H, out-of-range values,
dates that never occur (31 2 *), or an unknown time zone.
*/
export function parseSchedule(schedule: string, timeZone?: string | null): Schedule {
	// Views re-evaluate schedules on every tick, so parsed schedules are cached (a Schedule holds no per-call state).
	const key = `${timeZone ?? ''}\u0000${schedule}`;
	const cached = cache.get(key);
	if (cached) {
		return cached;
	}

	const parsed = parseUncached(schedule, timeZone);
	if (cache.size >= cacheLimit) {
		cache.delete(cache.keys().next().value!);
	}

	cache.set(key, parsed);
	return parsed;
}

const cache = new Map<string, Schedule>();
const cacheLimit = 512;

function parseUncached(schedule: string, timeZone?: string | null): Schedule {
	const text = schedule.trim();
	if (text.length === 0) {
		throw new Error('invalid schedule "": empty spec string');
	}

	if (/^(CRON_)?TZ=/.test(text)) {
		throw new Error(`invalid schedule "${schedule}": cannot use TZ or CRON_TZ in schedule, use timeZone field instead`);
	}

	const zone = validateTimeZone(timeZone);
	let expressionText = text;
	if (text.startsWith('@')) {
		const [descriptor = '', ...rest] = text.split(/\s+/);
		if (descriptor === '@every') {
			return everySchedule(schedule, zone, rest.join(''));
		}

		const expanded = descriptors[descriptor];
		if (!expanded || rest.length > 0) {
			throw new Error(`invalid schedule "${schedule}": unrecognized descriptor: ${text}`);
		}

		expressionText = expanded;
	} else {
		validateFields(schedule, text.split(/\s+/));
	}

	let expression: CronExpression;
	try {
		expression = CronExpressionParser.parse(expressionText, {tz: zone, currentDate: new Date(0)});
	} catch (error) {
		throw new Error(`invalid schedule "${schedule}": ${(error as Error).message}`);
	}

	return {
		schedule,
		timeZone: zone,
		next(after) {
			try {
				expression.reset(new Date(after));
				return expression.next().getTime();
			} catch {
				return undefined;
			}
		},
	};
}

