/**
The Jobs a CronJob owns: how they are built from the template (getJobFromTemplate2, spec §4.3) and which finished
ones the history limits remove (cleanupFinishedJobs / removeOldestJobs).
*/
import {byJobStartTime, jobFinishedCondition} from '../../kube/job-state.js';
import type {CronJob, Job} from '../../kube/types.js';
import {controllerRef, rfc3339} from './objects.js';
import {rfc3339InZone} from './zoned-time.js';

/** The name of the Job a CronJob starts for `scheduled` (getJobName: minutes since the epoch). */
export function cronJobChildName(cronJob: CronJob, scheduled: number): string {
	return `${cronJob.metadata.name}-${Math.floor(scheduled / 60_000)}`;
}

/** The Job for the `scheduled` run, created at `now`, before the API server's defaults. */
export function jobFromTemplate(cronJob: CronJob, scheduled: number, now: number): Job {
	const template = structuredClone(cronJob.spec.jobTemplate);
	return {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {
			name: cronJobChildName(cronJob, scheduled),
			namespace: cronJob.metadata.namespace,
			creationTimestamp: rfc3339(now),
			...(template.metadata?.labels ? {labels: {...template.metadata.labels}} : {}),
			annotations: {...template.metadata?.annotations, 'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339InZone(scheduled, cronJob.spec.timeZone)},
			ownerReferences: [controllerRef(cronJob, 'CronJob')],
		},
		spec: template.spec,
	};
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
