/**
What the API server does to a Job or CronJob on create (defaults, selector generation, cleared status), shared by
scenarios, the cronjob controller and the API server.
*/
import type {CronJob, Job} from '../../../kube/types.js';
import {defaultCronJob, defaultJob, generateJobSelector} from '../../api/defaults.js';

/** Applies Job defaults and the generated selector/labels for `uid`, clears status and sets metadata.uid. */
export function prepareJobForCreate(job: Job, uid: string): Job {
	delete job.status;
	job.metadata.uid = uid;
	defaultJob(job);
	generateJobSelector(job, uid);
	return job;
}

/** Applies CronJob defaults and clears status. */
export function prepareCronJobForCreate(cronJob: CronJob): CronJob {
	delete cronJob.status;
	defaultCronJob(cronJob);
	return cronJob;
}
