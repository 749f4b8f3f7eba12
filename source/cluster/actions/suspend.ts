/**
Suspend or resume a cron job or a job: a JSON merge patch of spec.suspend only, so there is no full update and no
resourceVersion conflict.
*/
import {type ActionContext, callOptions} from './context.js';
import type {ObjectRef} from './types.js';

/** The merge patch's Content-Type. */
export const mergePatchType = 'application/merge-patch+json';

/** Sends `{"spec":{"suspend":<suspend>}}` as a merge patch. */
export async function setSuspended(context: ActionContext, resource: 'jobs' | 'cronjobs', target: ObjectRef, suspend: boolean): Promise<void> {
	const request = {name: target.name, namespace: target.namespace, body: {spec: {suspend}}, fieldManager: 'kjobs'};
	const options = callOptions(context, mergePatchType);
	await (resource === 'jobs' ? context.batch.patchNamespacedJob(request, options) : context.batch.patchNamespacedCronJob(request, options));
}
