/**
Small Job helpers shared by the simulated controllers and the app.
*/

import {timeOf, type Job, type JobCondition, type KubeObject, type OwnerReference} from './types.js';

/**
The first condition of the given type, or undefined (Kubernetes code only ever looks at the first one).
*/
export function jobCondition(job: Job, type: string): JobCondition | undefined {
	return job.status?.conditions?.find(condition => condition.type === type);
}

/**
True when the first condition of that type has status "True" (printers.go hasJobCondition).
*/
export function hasJobCondition(job: Job, type: string): boolean {
	return jobCondition(job, type)?.status === 'True';
}

/**
The condition that finished the job: the first Complete or Failed condition with status True (cronjob utils getFinishedStatus).
*/
export function jobFinishedCondition(job: Job): JobCondition | undefined {
	return job.status?.conditions?.find(condition => (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True');
}

/**
True when the job has a Complete=True or Failed=True condition (IsJobFinished).
*/
export function isJobFinished(job: Job): boolean {
	return jobFinishedCondition(job) !== undefined;
}

/**
True when the job has a Complete=True condition (IsJobSucceeded).
*/
export function isJobSucceeded(job: Job): boolean {
	return job.status?.conditions?.some(condition => condition.type === 'Complete' && condition.status === 'True') ?? false;
}

/**
When the job finished, in epoch ms: status.completionTime, else the lastTransitionTime of its Complete/Failed
condition (Failed jobs never get a completionTime). Undefined while it is still running.
*/
export function jobFinishedAt(job: Job): number | undefined {
	const condition = jobFinishedCondition(job);
	if (!condition) {
		return undefined;
	}

	return timeOf(job.status?.completionTime) ?? timeOf(condition.lastTransitionTime);
}

/**
The controller ownerReference of any object (metav1.GetControllerOf), or undefined.
*/
export function jobOwner(object: KubeObject): OwnerReference | undefined {
	return object.metadata.ownerReferences?.find(reference => reference.controller === true);
}

/**
Comparator for sorting jobs by status.startTime, jobs without one last, ties by name (cronjob utils byJobStartTime).
*/
export function byJobStartTime(a: Job, b: Job): number {
	const aStart = timeOf(a.status?.startTime);
	const bStart = timeOf(b.status?.startTime);
	if (aStart === undefined && bStart !== undefined) {
		return 1;
	}

	if (aStart !== undefined && bStart === undefined) {
		return -1;
	}

	if (aStart === bStart) {
		const aName = a.metadata.name ?? '';
		const bName = b.metadata.name ?? '';
		return aName < bName ? -1 : (aName > bName ? 1 : 0);
	}

	return (aStart ?? 0) - (bStart ?? 0);
}
