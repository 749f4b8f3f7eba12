/**
The `d` screen's content for a target in the live snapshot: finds the object (or its tombstone) and its related
objects, then describes it.
*/
import type {CronJob, Job, Pod} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {describeCronJob, describeJob} from './job.js';
import {describePod} from './pod.js';
import {eventsOf, isCronJob, isJob, isPod, jobsOfCronJob, podsOfJob} from '../lookups.js';

/** What to describe: a job, cron job or pod by uid. */
export type DescribeTarget = {readonly kind: 'job' | 'cronjob' | 'pod'; readonly uid: string};

/** A description: a title such as `job batch/pi` and its lines; `deleted` when only the tombstone is left. */
export type Description = {readonly title: string; readonly lines: readonly string[]; readonly deleted: boolean};

/** The live object or its tombstone. */
export function findObject(snapshot: StoreView, target: DescribeTarget): {object: Job | CronJob | Pod; deleted: boolean} | undefined {
	const live = target.kind === 'job' ? snapshot.jobs.get(target.uid) : (target.kind === 'cronjob' ? snapshot.cronJobs.get(target.uid) : snapshot.pods.get(target.uid));
	if (live) {
		return {object: live, deleted: false};
	}

	const tombstone = snapshot.deleted.get(target.uid)?.object;
	const matches = tombstone && (target.kind === 'job' ? isJob(tombstone) : (target.kind === 'cronjob' ? isCronJob(tombstone) : isPod(tombstone)));
	return matches ? {object: tombstone, deleted: true} : undefined;
}

/** Describes the target as of `now`, or undefined when it is not in the snapshot at all. */
export function describeTarget(snapshot: StoreView, target: DescribeTarget, now: number): Description | undefined {
	const found = findObject(snapshot, target);
	if (!found) {
		return undefined;
	}

	const {object, deleted} = found;
	const name = `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
	if (target.kind === 'job') {
		const pods = podsOfJob(snapshot, target.uid).map(item => item.object);
		const events = eventsOf(snapshot, [target.uid, ...pods.map(pod => pod.metadata.uid ?? '')]);
		return {title: `job ${name}`, lines: describeJob(object as Job, pods, events, now), deleted};
	}

	if (target.kind === 'cronjob') {
		const jobs = jobsOfCronJob(snapshot, target.uid).map(item => item.object);
		return {title: `cron job ${name}`, lines: describeCronJob(object as CronJob, jobs, eventsOf(snapshot, [target.uid]), now), deleted};
	}

	return {title: `pod ${name}`, lines: describePod(object as Pod, eventsOf(snapshot, [target.uid]), now), deleted};
}
