import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {mostRecentScheduleTime, nextRuns, nextScheduleTime, nextScheduleTimeDuration, parseGoDuration, parseSchedule} from '../../../source/kube/cron/schedule.js';
import {jobFromCronJob, formatRfc3339InZone, scheduledJobName} from '../../../source/kube/cron/cronjob-job.js';
import {byJobStartTime, isJobSucceeded} from '../../../source/kube/job-state.js';
import type {CronJob, Job} from '../../../source/kube/types.js';
import {loadUpstream} from '../../helpers/upstream.js';

type ScheduleFile = {cases: Array<{name: string; test: string; inputs: any; expected: any}>};
const file = loadUpstream<ScheduleFile>('cronjob-schedule.json');
const time = (value: string | null | undefined): number | undefined => (value ? Date.parse(value) : undefined);
const missedNames: Record<string, string> = {noneMissed: 'none', fewMissed: 'few', manyMissed: 'many'};

describe('cronjob-schedule.json', () => {
	for (const item of file.cases) {
		const {inputs, expected} = item;
		test(`${item.test}: ${item.name}`, () => {
			const now = time(inputs.now)!;
			switch (item.test) {
				case 'TestMostRecentScheduleTime': {
					const run = () => mostRecentScheduleTime(inputs.cronJob as CronJob, now, {includeStartingDeadlineSeconds: inputs.includeStartingDeadlineSeconds});
					if (expected.wantErr) {
						assert.throws(run, Error);
						return;
					}

					const result = run();
					assert.equal(result.earliest, time(expected.earliestTime));
					assert.equal(result.mostRecent, time(expected.mostRecentTime));
					assert.equal(result.missedSchedules, missedNames[expected.missedSchedules]);
					break;
				}

				case 'TestNextScheduleTime': {
					const cronJob = inputs.cronJob as CronJob;
					const schedule = inputs.parsedSchedule ? () => parseSchedule(inputs.parsedSchedule) : () => undefined;
					if (expected.wantErr) {
						assert.throws(() => nextScheduleTime(cronJob, now, schedule()), Error);
						return;
					}

					const result = nextScheduleTime(cronJob, now, schedule());
					if (expected.scheduleTime?.$notNull) {
						assert.equal(typeof result, 'number');
					} else {
						assert.equal(result, time(expected.scheduleTime));
					}

					break;
				}

				case 'TestNextScheduleTimeDuration': {
					assert.equal(nextScheduleTimeDuration(inputs.cronJob as CronJob, now), Math.round(expected.durationSeconds * 1000));
					break;
				}

				case 'TestByJobStartTime': {
					const jobs = [...inputs.jobs as Job[]].sort(byJobStartTime);
					assert.deepEqual(jobs.map(job => job.metadata.name), expected.orderByName);
					break;
				}

				case 'TestGetJobFromTemplate2': {
					const cronJob = inputs.cronJob as CronJob;
					const scheduled = time(inputs.scheduledTime)!;
					const job = jobFromCronJob(cronJob, scheduled);
					assert.ok(job.metadata.name?.startsWith(expected.jobNamePrefix));
					assert.equal(job.metadata.name, `mycronjob-${Math.floor(scheduled / 60_000)}`);
					assert.equal(Object.keys(job.metadata.labels ?? {}).length, expected.labelCount);
					assert.equal(Object.keys(job.metadata.annotations ?? {}).length, expected.annotationCount);
					for (const [key, value] of Object.entries(expected.annotations)) {
						assert.equal(job.metadata.annotations?.[key], value);
					}

					assert.deepEqual(job.metadata.ownerReferences, [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'mycronjob', uid: '1a2b3c', controller: true, blockOwnerDeletion: true}]);
					assert.deepEqual(job.spec, cronJob.spec.jobTemplate.spec);
					assert.notEqual(job.spec, cronJob.spec.jobTemplate.spec);
					break;
				}

				case 'TestIsJobSucceeded': {
					assert.equal(isJobSucceeded(inputs.job as Job), expected.result);
					break;
				}

				default: {
					assert.fail(`unhandled upstream test ${item.test}`);
				}
			}
		});
	}
});

describe('extra expectations from the case notes', () => {
	test('Case 6 (days overdue, no deadline) returns the latest hourly slot and counts as many missed', () => {
		const cronJob = file.cases.find(item => item.name.startsWith('Case 6'))!.inputs.cronJob as CronJob;
		const now = Date.parse('2016-05-29T11:00:00Z');
		assert.equal(nextScheduleTime(cronJob, now), now);
		assert.equal(mostRecentScheduleTime(cronJob, now).missedSchedules, 'many');
		assert.equal(mostRecentScheduleTime(cronJob, now).missed, 'many');
	});

	test('Case 7 (short deadline) returns the latest slot inside the deadline', () => {
		const cronJob = file.cases.find(item => item.name.startsWith('Case 7'))!.inputs.cronJob as CronJob;
		const now = Date.parse('2016-05-29T11:00:00Z');
		assert.equal(nextScheduleTime(cronJob, now), now);
		assert.equal(mostRecentScheduleTime(cronJob, now).missed, 2);
	});
});

describe('parseSchedule', () => {
	const from = Date.parse('2016-05-19T10:00:00Z');
	const cases: Array<[string, string[]]> = [
		['*/15 * * * *', ['2016-05-19T10:15:00.000Z', '2016-05-19T10:30:00.000Z']],
		['0/5 * * * ?', ['2016-05-19T10:05:00.000Z', '2016-05-19T10:10:00.000Z']],
		['@hourly', ['2016-05-19T11:00:00.000Z', '2016-05-19T12:00:00.000Z']],
		['@daily', ['2016-05-20T00:00:00.000Z', '2016-05-21T00:00:00.000Z']],
		['@midnight', ['2016-05-20T00:00:00.000Z', '2016-05-21T00:00:00.000Z']],
		['@weekly', ['2016-05-22T00:00:00.000Z', '2016-05-29T00:00:00.000Z']],
		['@monthly', ['2016-06-01T00:00:00.000Z', '2016-07-01T00:00:00.000Z']],
		['@yearly', ['2017-01-01T00:00:00.000Z', '2018-01-01T00:00:00.000Z']],
		['@annually', ['2017-01-01T00:00:00.000Z', '2018-01-01T00:00:00.000Z']],
		['@every 90m', ['2016-05-19T11:30:00.000Z', '2016-05-19T13:00:00.000Z']],
		['@every 1500ms', ['2016-05-19T10:00:01.000Z', '2016-05-19T10:00:02.000Z']],
		['0 0 1 * MON', ['2016-05-23T00:00:00.000Z', '2016-05-30T00:00:00.000Z']],
		['30 9 * JAN-MAR,JUN sun', ['2016-06-05T09:30:00.000Z', '2016-06-12T09:30:00.000Z']],
	];
	for (const [schedule, expected] of cases) {
		test(`${schedule} runs at ${expected.join(', ')}`, () => {
			assert.deepEqual(nextRuns(schedule, undefined, from, 2).map(ms => new Date(ms).toISOString()), expected);
		});
	}

	test('time zones: 9:00 in Europe/Rome is 07:00Z in summer', () => {
		assert.deepEqual(nextRuns('0 9 * * *', 'Europe/Rome', from, 1).map(ms => new Date(ms).toISOString()), ['2016-05-20T07:00:00.000Z']);
		assert.equal(parseSchedule('0 9 * * *', null).timeZone, 'UTC');
	});

	const invalid: Array<[string, RegExp, string?]> = [
		['', /empty spec string/],
		['TZ=UTC 0 * * * *', /cannot use TZ or CRON_TZ in schedule, use timeZone field instead/],
		['CRON_TZ=UTC 0 * * * *', /cannot use TZ or CRON_TZ/],
		['* * * *', /expected exactly 5 fields, found 4/],
		['0 * * * * *', /expected exactly 5 fields, found 6/],
		['@every', /failed to parse duration/],
		['@every 5x', /failed to parse duration/],
		['@secondly', /unrecognized descriptor/],
		['@weekdays', /unrecognized descriptor/],
		['0 0 L * *', /unsupported characters in the day of month field/],
		['0 0 * * 1#2', /unsupported characters in the day of week field/],
		['H * * * *', /unsupported characters in the minute field/],
		['61 * * * *', /minute value 61 is above the maximum \(59\)/],
		['0 0 * * 7', /day of week value 7 is above the maximum \(6\)/],
		['59 23 31 2 *', /invalid schedule/],
		['0 9 * * *', /invalid timeZone: "Mars\/Olympus"/, 'Mars/Olympus'],
		['0 9 * * *', /explicit time zone/, 'Local'],
	];
	for (const [schedule, message, zone] of invalid) {
		test(`rejects ${JSON.stringify(schedule)}${zone ? ` in ${zone}` : ''}`, () => {
			assert.throws(() => parseSchedule(schedule, zone), message);
		});
	}

	test('Go durations', () => {
		assert.equal(parseGoDuration('1h30m'), 5_400_000);
		assert.equal(parseGoDuration('1.5h'), 5_400_000);
		assert.equal(parseGoDuration('250ms'), 250);
		assert.equal(parseGoDuration('0'), 0);
		assert.throws(() => parseGoDuration('1d'), /invalid duration/);
	});

	test('nextRuns stops early for nothing and honours count', () => {
		assert.deepEqual(nextRuns('0 0 * * *', undefined, from, 0), []);
		assert.equal(nextRuns('* * * * *', undefined, from, 5).length, 5);
	});
});

describe('cronjob-job helpers', () => {
	test('§4.3 name: backup-29453760 for 2026-01-01T00:00Z', () => {
		assert.equal(scheduledJobName('backup', Date.parse('2026-01-01T00:00:00Z')), 'backup-29453760');
	});

	test('RFC 3339 in a zone, as Go formats it', () => {
		const at = Date.parse('2016-01-19T10:00:00.750Z');
		assert.equal(formatRfc3339InZone(at, null), '2016-01-19T10:00:00Z');
		assert.equal(formatRfc3339InZone(at, 'Europe/London'), '2016-01-19T10:00:00Z');
		assert.equal(formatRfc3339InZone(at, 'America/New_York'), '2016-01-19T05:00:00-05:00');
		assert.equal(formatRfc3339InZone(at, 'Asia/Kolkata'), '2016-01-19T15:30:00+05:30');
	});
});
