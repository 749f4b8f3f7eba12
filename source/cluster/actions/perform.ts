/**
Carries out one confirmed action and reports one line for the message line. Every request goes through the read-only
gate (action-context callOptions); a second request for the same target while one is in flight is refused.
*/
import type {ActionContext} from './context.js';
import {rerunAsCopy, rerunReplacing, triggerCronJob} from './create.js';
import {deleteObject, deletedMessage} from './delete.js';
import {type Attempt, actionErrorMessage, isForbidden} from './errors.js';
import {busy} from './guard.js';
import {setSuspended} from './suspend.js';
import {type ActionRequest, type RequestResult, actionKey} from './types.js';

const kindWords = {jobs: 'job', cronjobs: 'cron job'} as const;

function attemptOf(request: ActionRequest): Attempt {
	switch (request.kind) {
		case 'delete': {
			return {verb: 'delete', resource: request.resource, namespace: request.target.namespace};
		}

		case 'rerun': {
			// A replace starts with a dry-run create, then deletes (carryOut moves the verb along), then creates.
			return {verb: 'create', resource: 'jobs', namespace: request.job.metadata.namespace};
		}

		case 'trigger': {
			return {verb: 'create', resource: 'jobs', namespace: request.cronJob.metadata.namespace};
		}

		case 'suspend': {
			return {verb: 'patch', resource: request.resource, namespace: request.target.namespace};
		}
	}
}

async function carryOut(context: ActionContext, request: ActionRequest, attempt: {current: Attempt}): Promise<RequestResult> {
	switch (request.kind) {
		case 'delete': {
			await deleteObject(context, request.resource, request.target, request.propagation);
			return {ok: true, message: deletedMessage(request.resource, request.target, request.propagation)};
		}

		case 'rerun': {
			const old = `${request.job.metadata.namespace ?? ''}/${request.job.metadata.name ?? ''}`;
			if (request.mode === 'replace') {
				const namespace = request.job.metadata.namespace;
				const created = await rerunReplacing(context, request.job, step => {
					attempt.current = {verb: step, resource: 'jobs', namespace};
				});
				return {ok: true, message: `replaced job ${old} with a new run`, created};
			}

			const created = await rerunAsCopy(context, request.job);
			return {ok: true, message: `created job ${created.namespace}/${created.name} (rerun of ${request.job.metadata.name ?? ''})`, created};
		}

		case 'trigger': {
			const created = await triggerCronJob(context, request.cronJob);
			return {ok: true, message: `created job ${created.namespace}/${created.name} from cron job ${request.cronJob.metadata.name ?? ''}`, created};
		}

		case 'suspend': {
			await setSuspended(context, request.resource, request.target, request.suspend);
			const verb = request.suspend ? 'suspended' : 'resumed';
			return {ok: true, message: `${verb} ${kindWords[request.resource]} ${request.target.namespace}/${request.target.name}`};
		}
	}
}

/** Carries out `request`; never throws: failures come back as `{ok: false, message}`. */
export async function performAction(context: ActionContext, request: ActionRequest): Promise<RequestResult> {
	const refusal = context.gate.refusal();
	if (refusal !== undefined) {
		return {ok: false, message: refusal};
	}

	const attempt = {current: attemptOf(request)};
	try {
		const result = await context.guard.run(actionKey(request), async () => carryOut(context, request, attempt));
		return result === busy ? {ok: false, message: 'already in progress: wait for the first one to finish'} : result;
	} catch (error) {
		const message = actionErrorMessage(error, attempt.current);
		return isForbidden(error) ? {ok: false, message, forbidden: true} : {ok: false, message};
	}
}
