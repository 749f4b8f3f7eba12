/**
What a cron job's schedule says about now: the next run, a run that is due, runs that never appeared, and the strip of
recent outcomes.
*/
import {nextRuns} from '../../kube/cron/schedule.js';
import {jobStatus} from '../../kube/printers/job.js';
import type {CronJob, Job} from '../../kube/types.js';
import {timeOf} from '../../kube/types.js';

/** The annotation the cron job controller puts on each job: its scheduled time in the cron job's time zone. */
export const scheduledTimestampAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** How long a scheduled run may take to appear before kjobs calls it missed, without startingDeadlineSeconds. */
export const defaultMissedGraceMs = 60_000;

/** Counting missed runs stops here (the controller itself gives up counting at 100). */
const missedCountCap = 100;

/** The schedule's view of a cron job at `now`. */
export type CronRuns = {
	/** The next scheduled time after now; undefined when the schedule or time zone cannot be read. */
	readonly next?: number;
	/** A scheduled time that passed within the grace period with no job yet: the controller is about to start it. */
	readonly due?: number;
	/** Scheduled times that passed more than the grace period ago with no job (capped at 100). */
	readonly missed: number;
	/** The first of those missed times. */
	readonly firstMissed?: number;
	/** Why the schedule cannot be evaluated. */
	readonly error?: string;
};

/** When the job ran for: its scheduled-timestamp annotation, else its creation time. */
export function scheduledAt(job: Job): number | undefined {
	return timeOf(job.metadata.annotations?.[scheduledTimestampAnnotation]) ?? timeOf(job.metadata.creationTimestamp);
}

/**
Evaluates the schedule: the next run, and which expected runs did not appear. A run is expected at every schedule
time after the last one the controller recorded (or the cron job's creation); once it is older than
startingDeadlineSeconds (or a minute) and no job has been scheduled for it or later, it was missed. Suspended cron
jobs expect nothing.
*/
export function cronRuns(cronJob: CronJob, jobs: readonly Job[], now: number): CronRuns {
	const {schedule, timeZone} = cronJob.spec;
	let next: number | undefined;
	try {
		next = nextRuns(schedule, timeZone ?? undefined, now, 1)[0];
	} catch (error) {
		return {missed: 0, error: error instanceof Error ? error.message : String(error)};
	}

	const withNext = next === undefined ? {} : {next};
	if (cronJob.spec.suspend) {
		return {missed: 0, ...withNext};
	}

	const seen = [timeOf(cronJob.status?.lastScheduleTime), timeOf(cronJob.metadata.creationTimestamp), ...jobs.map((job) => scheduledAt(job))]
		.filter((time): time is number => time !== undefined && time <= now);
	if (seen.length === 0) {
		return {missed: 0, ...withNext};
	}

	const earliest = Math.max(...seen);
	const deadline = cronJob.spec.startingDeadlineSeconds;
	const graceMs = deadline === undefined || deadline === null ? defaultMissedGraceMs : deadline * 1000;
	const missed = nextRuns(schedule, timeZone ?? undefined, earliest, missedCountCap + 1).filter((time) => time > earliest && now - time > graceMs);
	// The due run is looked for separately so that a long run of missed times cannot hide it.
	const due = nextRuns(schedule, timeZone ?? undefined, Math.max(earliest, now - graceMs - 1), 1).find((time) => time > earliest && time <= now);
	return {
		...withNext,
		missed: Math.min(missed.length, missedCountCap),
		...(missed[0] === undefined ? {} : {firstMissed: missed[0]}),
		...(due === undefined ? {} : {due}),
	};
}

/** One symbol per recent run, newest last: ✓ succeeded, ✗ failed, ● still running. */
export function historyStrip(jobs: readonly Job[], count = 6): string {
	return [...jobs]
		.sort((a, b) => (scheduledAt(a) ?? 0) - (scheduledAt(b) ?? 0) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
		.slice(-count)
		.map((job) => runSymbol(job))
		.join('');
}

/** The history symbol of one job. */
export function runSymbol(job: Job): string {
	const status = jobStatus(job);
	if (status === 'Complete') {
		return '✓';
	}

	return status === 'Failed' || status === 'FailureTarget' ? '✗' : '●';
}
