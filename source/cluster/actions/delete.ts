/**
Delete a job, cron job or pod with an explicit propagation policy. Never a Job DELETE without one: the batch/v1
default for Jobs is still `orphan` (kept for compatibility), which leaves the pods running; kubectl always sends
Background.
*/
import type {V1DeleteOptions} from '@kubernetes/client-node';
import {type ActionContext, callOptions} from './context.js';
import type {ObjectRef, Propagation} from './types.js';

/** Sends the DELETE; the policy goes in the query (visible in logs and request records) and in the body. */
export async function deleteObject(context: ActionContext, resource: 'jobs' | 'cronjobs' | 'pods', target: ObjectRef, propagation: Propagation): Promise<void> {
	const body: V1DeleteOptions = {propagationPolicy: propagation, ...(target.uid ? {preconditions: {uid: target.uid}} : {})};
	const request = {name: target.name, namespace: target.namespace, propagationPolicy: propagation, body};
	const options = callOptions(context);
	switch (resource) {
		case 'jobs': {
			await context.batch.deleteNamespacedJob(request, options);
			break;
		}

		case 'cronjobs': {
			await context.batch.deleteNamespacedCronJob(request, options);
			break;
		}

		case 'pods': {
			await context.core.deleteNamespacedPod(request, options);
			break;
		}
	}
}

const kindWords = {jobs: 'job', cronjobs: 'cron job', pods: 'pod'} as const;

/** The message after a successful delete, saying what happens to the dependents. */
export function deletedMessage(resource: 'jobs' | 'cronjobs' | 'pods', target: ObjectRef, propagation: Propagation): string {
	const what = `${kindWords[resource]} ${target.namespace}/${target.name}`;
	const dependents = resource === 'jobs' ? 'pods' : (resource === 'cronjobs' ? 'jobs' : undefined);
	if (dependents === undefined) {
		return `deleted ${what}`;
	}

	switch (propagation) {
		case 'Orphan': {
			return `deleted ${what}; its ${dependents} were kept`;
		}

		case 'Foreground': {
			return `deleting ${what}: it goes once its ${dependents} are gone`;
		}

		default: {
			return `deleted ${what}; its ${dependents} are being removed`;
		}
	}
}
