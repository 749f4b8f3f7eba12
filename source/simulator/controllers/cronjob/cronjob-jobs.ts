/**
The Jobs a CronJob owns: how they are built from the template (getJobFromTemplate2 in pkg/controller/cronjob/utils.go)
and which finished ones the history limits remove (cleanupFinishedJobs / removeOldestJobs).
*/
import {byJobStartTime, jobFinishedCondition} from '../../../kube/job-state.js';
import type {CronJob, Job} from '../../../kube/types.js';
import {jobFromCronJob, scheduledJobName} from '../../../kube/cron/cronjob-job.js';
import {rfc3339} from '../objects.js';

/** The name of the Job a CronJob starts for `scheduled` (getJobName: minutes since the epoch). */
export function cronJobChildName(cronJob: CronJob, scheduled: number): string {
	return scheduledJobName(cronJob.metadata.name ?? '', scheduled);
}

/** The Job for the `scheduled` run, created at `now`, before the API server's defaults. */
export function jobFromTemplate(cronJob: CronJob, scheduled: number, now: number): Job {
	const job = jobFromCronJob(cronJob, scheduled);
	job.metadata.creationTimestamp = rfc3339(now);
	// Go copies a nil label map as nil, so a template without labels gives a job without them.
	if (!cronJob.spec.jobTemplate.metadata?.labels) {
		delete job.metadata.labels;
	}

	return job;
}

/**
The finished children beyond successfulJobsHistoryLimit / failedJobsHistoryLimit, oldest first by startTime
(no startTime last, ties by name). Nothing when neither limit is set.
*/
export function oldFinishedJobs(cronJob: CronJob, children: readonly Job[]): Job[] {
	const out: Job[] = [];
	const trim = (type: string, limit: number | null | undefined) => {
		if (limit === undefined || limit === null) {
			return;
		}

		const finished = children.filter(job => jobFinishedCondition(job)?.type === type).sort(byJobStartTime);
		out.push(...finished.slice(0, Math.max(0, finished.length - limit)));
	};

	trim('Complete', cronJob.spec.successfulJobsHistoryLimit);
	trim('Failed', cronJob.spec.failedJobsHistoryLimit);
	return out;
}
