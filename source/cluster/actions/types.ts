/**
The actions kjobs can carry out and what carrying out a request comes to. The dialog model in state/ builds requests of
this shape; the session answers every request of the screen with a RequestResult.
*/
import type {CronJob, Job} from '../../kube/types.js';

/** Deletion propagation (kubectl --cascade): background (kubectl's default), foreground or orphan (keep the pods). */
export type Propagation = 'Background' | 'Foreground' | 'Orphan';

/** The object an action names. `uid` (when known) becomes a precondition, so a same-name successor is never hit. */
export type ObjectRef = {readonly namespace: string; readonly name: string; readonly uid?: string};

/** One confirmed action. */
export type ActionRequest =
	| {readonly kind: 'delete'; readonly resource: 'jobs' | 'cronjobs' | 'pods'; readonly target: ObjectRef; readonly propagation: Propagation}
	| {readonly kind: 'rerun'; readonly job: Job; readonly mode: 'copy' | 'replace'}
	| {readonly kind: 'trigger'; readonly cronJob: CronJob}
	| {readonly kind: 'suspend'; readonly resource: 'jobs' | 'cronjobs'; readonly target: ObjectRef; readonly suspend: boolean};

/**
What carrying out a request came to (an action, a namespace or context switch, saving logs), for the message line:
whether it worked and what to say; `created` names a new job so the selection can move to it; `scope` is the namespace
a context switch landed in (undefined for all namespaces), which only the new context's configuration knows.
*/
export type RequestResult =
	| {readonly ok: true; readonly message: string; readonly created?: ObjectRef; readonly scope?: {readonly namespace: string | undefined}}
	/** `forbidden`: the API answered 403, so the RBAC answers the screen has may be out of date. */
	| {readonly ok: false; readonly message: string; readonly forbidden?: true};

/** The lock key of a request: one action per target object at a time. */
export function actionKey(request: ActionRequest): string {
	switch (request.kind) {
		case 'rerun': {
			return `jobs/${request.job.metadata.namespace ?? ''}/${request.job.metadata.name ?? ''}`;
		}

		case 'trigger': {
			return `cronjobs/${request.cronJob.metadata.namespace ?? ''}/${request.cronJob.metadata.name ?? ''}`;
		}

		default: {
			return `${request.resource}/${request.target.namespace}/${request.target.name}`;
		}
	}
}
