/**
CronJob schedule maths: ports of mostRecentScheduleTime / nextScheduleTime / nextScheduleTimeDuration from
pkg/controller/cronjob/utils.go, on top of the schedules parsed in cron-parse.ts.
*/

import {parseSchedule, type Schedule} from './parse.js';
import {timeOf, type CronJob} from '../types.js';

export {parseGoDuration, parseSchedule, type Schedule} from './parse.js';

/** The padding the controller adds when requeueing for the next run (nextScheduleDelta). */
export const nextScheduleDeltaMs = 100;

/** Go's missedSchedulesType. */
export type MissedSchedules = 'none' | 'few' | 'many';

/** Result of mostRecentScheduleTime. */
export type MostRecentSchedule = {
	/** lastScheduleTime, else creationTimestamp, raised to now - startingDeadlineSeconds when that applies. */
	earliest: number;
	/** The latest schedule time in (earliest, now], undefined when none is due. */
	mostRecent: number | undefined;
	/** Approximate count of schedule times in (earliest, now] (upstream's arithmetic), 'many' above 100. */
	missed: number | 'many';
	/** Upstream's enum: 'none' also when exactly one run is due. */
	missedSchedules: MissedSchedules;
};

/**
Port of mostRecentScheduleTime. `includeStartingDeadlineSeconds` defaults to true, as nextScheduleTime uses it.
Throws when the schedule cannot be parsed or never yields two runs ("time difference … less than 1 second").
*/
export function mostRecentScheduleTime(cronJob: CronJob, now: number, options?: {includeStartingDeadlineSeconds?: boolean; schedule?: Schedule}): MostRecentSchedule {
	const schedule = options?.schedule ?? parseSchedule(cronJob.spec.schedule, cronJob.spec.timeZone);
	let earliest = timeOf(cronJob.status?.lastScheduleTime) ?? timeOf(cronJob.metadata.creationTimestamp) ?? 0;
	const deadline = cronJob.spec.startingDeadlineSeconds;
	if ((options?.includeStartingDeadlineSeconds ?? true) && deadline !== undefined && deadline !== null) {
		// The controller is not going to schedule anything before this point.
		earliest = Math.max(earliest, now - (deadline * 1000));
	}

	const t1 = schedule.next(earliest);
	const t2 = t1 === undefined ? undefined : schedule.next(t1);
	if (t1 !== undefined && now < t1) {
		return {earliest, mostRecent: undefined, missed: 0, missedSchedules: 'none'};
	}

	if (t1 !== undefined && t2 !== undefined && now < t2) {
		return {earliest, mostRecent: t1, missed: 1, missedSchedules: 'none'};
	}

	const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
	if (between < 1) {
		throw new Error('time difference between two schedules is less than 1 second');
	}

	// A rough count of how many intervals fit between t1 and now, as upstream computes it.
	const missedCount = Math.trunc(Math.trunc((now - t1!) / 1000) / between) + 1;
	// Step back one extra interval and let the schedule find the real times (uneven schedules like 30 6-16/4 * * 1-5).
	let mostRecent: number | undefined;
	for (let t = schedule.next(t1! + ((missedCount - 2) * between * 1000)); t !== undefined && t <= now; t = schedule.next(t)) {
		mostRecent = t;
	}

	const missedSchedules: MissedSchedules = missedCount > 100 ? 'many' : (missedCount > 0 ? 'few' : 'none');
	return {earliest, mostRecent, missed: missedCount > 100 ? 'many' : missedCount, missedSchedules};
}

/**
Port of nextScheduleTime: the schedule time the controller would start a Job for right now (the most recent
unmet one, honouring startingDeadlineSeconds), or undefined when nothing is due. Still returns a time when more
than 100 runs were missed (the controller then only adds a TooManyMissedTimes warning). Throws like mostRecentScheduleTime.
*/
export function nextScheduleTime(cronJob: CronJob, now: number, schedule?: Schedule): number | undefined {
	const {mostRecent} = mostRecentScheduleTime(cronJob, now, {includeStartingDeadlineSeconds: true, schedule});
	return mostRecent === undefined || mostRecent > now ? undefined : mostRecent;
}

/**
Port of nextScheduleTimeDuration: ms until the controller should look at the CronJob again (next run + 100 ms).
*/
export function nextScheduleTimeDuration(cronJob: CronJob, now: number, schedule?: Schedule): number | undefined {
	const parsed = schedule ?? parseSchedule(cronJob.spec.schedule, cronJob.spec.timeZone);
	let from: number;
	try {
		const {earliest, mostRecent, missedSchedules} = mostRecentScheduleTime(cronJob, now, {includeStartingDeadlineSeconds: false, schedule: parsed});
		from = mostRecent ?? (missedSchedules === 'none' ? earliest : now);
	} catch {
		// Still requeue at some point: aim for the next slot from now.
		from = now;
	}

	const next = parsed.next(from);
	return next === undefined ? undefined : next + nextScheduleDeltaMs - now;
}

/**
The next `count` run times strictly after `from` (epoch ms); fewer if the schedule ends. Throws on an invalid schedule.
*/
export function nextRuns(schedule: string, timeZone: string | null | undefined, from: number, count: number): number[] {
	const parsed = parseSchedule(schedule, timeZone);
	const runs: number[] = [];
	let cursor = from;
	while (runs.length < count) {
		const next = parsed.next(cursor);
		if (next === undefined) {
			break;
		}

		runs.push(next);
		cursor = next;
	}

	return runs;
}
