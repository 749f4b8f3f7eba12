/**
Rerun a job (as a new copy, or replacing the old one under the same name) and trigger a cron job the way kubectl does.
*/
import type {Job, CronJob} from '../../kube/types.js';
import {type ActionContext, callOptions} from './context.js';
import {deleteObject} from './delete.js';
import {derivedName, manualJobBody, randomSuffix, rerunJobBody} from './job-copy.js';
import type {ObjectRef} from './types.js';
import {sleep} from '../../store/clock.js';

async function create(context: ActionContext, body: Job, dryRun = false): Promise<ObjectRef> {
	const namespace = body.metadata.namespace ?? 'default';
	// kjobs' own types are the wire shape, which is what client-node serializes for a V1Job.
	const created = await context.batch.createNamespacedJob({namespace, body: body as never, fieldManager: 'kjobs', ...(dryRun ? {dryRun: 'All'} : {})}, callOptions(context));
	return {namespace, name: created.metadata?.name ?? body.metadata.name ?? '', uid: created.metadata?.uid};
}

/** Creates `<name>-rerun-<5 random chars>` from the job's spec, without what the server generated. */
export async function rerunAsCopy(context: ActionContext, job: Job): Promise<ObjectRef> {
	const name = derivedName(job.metadata.name ?? '', 'rerun', randomSuffix(context.random));
	return create(context, rerunJobBody(job, name));
}

/** Polls until the job `target` (this uid) no longer exists, up to the context's timeout. */
export async function waitUntilGone(context: ActionContext, target: ObjectRef): Promise<void> {
	const signal = new AbortController().signal;
	const attempts = Math.max(1, Math.ceil(context.goneTimeoutMs / context.pollMs));
	for (let attempt = 0; attempt < attempts; attempt++) {
		try {
			const current = await context.batch.readNamespacedJob({name: target.name, namespace: target.namespace}, callOptions(context));
			if (target.uid !== undefined && current.metadata?.uid !== target.uid) {
				return;
			}
		} catch (error) {
			if ((error as {code?: unknown}).code === 404) {
				return;
			}

			throw error;
		}

		await sleep(context.clock, context.pollMs, signal);
	}

	throw new Error(`job ${target.namespace}/${target.name} was still there after ${Math.round(context.goneTimeoutMs / 1000)}s; the new job was not created`);
}

/**
Deletes the job (Background), waits until it is gone, then creates the copy under the original name. A server-side
dry run of the create comes first (under a scratch name, as the real one still exists), so a copy the server would
refuse (403, 422) never costs the old job.
*/
export async function rerunReplacing(context: ActionContext, job: Job, onStep?: (step: 'delete' | 'get' | 'create') => void): Promise<ObjectRef> {
	const target = {namespace: job.metadata.namespace ?? 'default', name: job.metadata.name ?? '', uid: job.metadata.uid};
	await create(context, rerunJobBody(job, derivedName(target.name, 'rerun', randomSuffix(context.random))), true);
	onStep?.('delete');
	await deleteObject(context, 'jobs', target, 'Background');
	onStep?.('get');
	await waitUntilGone(context, target);
	onStep?.('create');
	return create(context, rerunJobBody(job, target.name));
}

/** Creates `<cronjob>-manual-<5 random chars>` exactly as `kubectl create job --from=cronjob/NAME` would: the cron job's job template, its ownerReference and the `cronjob.kubernetes.io/instantiate: manual` annotation. */
export async function triggerCronJob(context: ActionContext, cronJob: CronJob): Promise<ObjectRef> {
	const name = derivedName(cronJob.metadata.name ?? '', 'manual', randomSuffix(context.random));
	return create(context, manualJobBody(cronJob, name));
}
