/**
Loads the upstream Kubernetes test vectors in test/fixtures/upstream and resolves their relative-time
encodings ($offsetSeconds, $addDate, $plusSeconds) against a fixed `now`.
*/

import {readFixtureJson} from '../helpers/fixtures.js';

/** The fixed "time.Now()" every relative fixture is resolved against. */
export const fixedNow = Date.parse('2026-03-15T12:34:56.789Z');

/** Reads one JSON fixture file. */
export function loadFixture<T = any>(name: string): T {
	return readFixtureJson<T>(name);
}

/** Reads one upstream vector file. */
export function loadUpstream<T = any>(name: string): T {
	return loadFixture<T>(`upstream/${name}`);
}

type AddDate = {years: number; months: number; days: number; utc?: boolean};

// Go's AddDate is calendar arithmetic with normalisation, which Date.UTC reproduces.
function addDate(now: number, {years, months, days}: AddDate): number {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth() + months, d.getUTCDate() + days, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Epoch ms for one encoded time value (or undefined for null). */
export function resolveTime(value: unknown, now = fixedNow): number | undefined {
	if (value === null || value === undefined) {
		return undefined;
	}

	if (typeof value === 'string') {
		return Date.parse(value);
	}

	const encoded = value as {$offsetSeconds?: number; $addDate?: AddDate; $plusSeconds?: number};
	if (encoded.$offsetSeconds !== undefined) {
		return now + Math.round(encoded.$offsetSeconds * 1000);
	}

	if (encoded.$addDate) {
		return addDate(now, encoded.$addDate) + Math.round((encoded.$plusSeconds ?? 0) * 1000);
	}

	throw new Error(`not a time encoding: ${JSON.stringify(value)}`);
}

/** Deep copy of a fixture object with every encoded time replaced by an RFC 3339 string. */
export function resolveTimes<T>(value: T, now = fixedNow): T {
	if (Array.isArray(value)) {
		return value.map(item => resolveTimes(item, now)) as T;
	}

	if (value && typeof value === 'object') {
		if ('$offsetSeconds' in value || '$addDate' in value) {
			return new Date(resolveTime(value, now)!).toISOString() as T;
		}

		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveTimes(item, now)])) as T;
	}

	return value;
}
