/**
Opens an action's dialog for an object in the live snapshot (the UI's requests name objects by kind and uid).
*/
import type {StoreView} from '../../store/types.js';
import {jobsOfCronJob, podsOfJob} from '../../view-model/lookups.js';
import {type ActionAccess, type DialogAction, type DialogOpening, type DialogSubject, openDialog} from './model.js';

/** The object an action is about: its kind and uid. */
export type DialogTarget = {readonly kind: 'job' | 'cronjob' | 'pod'; readonly uid: string};

/** The subject for a target, with its live dependents counted; undefined when the object is gone. */
export function subjectOf(snapshot: StoreView, target: DialogTarget): DialogSubject | undefined {
	switch (target.kind) {
		case 'job': {
			const job = snapshot.jobs.get(target.uid);
			return job ? {kind: 'job', job, podCount: podsOfJob(snapshot, target.uid).filter(found => !found.deleted).length} : undefined;
		}

		case 'cronjob': {
			const cronJob = snapshot.cronJobs.get(target.uid);
			return cronJob ? {kind: 'cronjob', cronJob, jobCount: jobsOfCronJob(snapshot, target.uid).filter(found => !found.deleted).length} : undefined;
		}

		case 'pod': {
			const pod = snapshot.pods.get(target.uid);
			return pod ? {kind: 'pod', pod} : undefined;
		}
	}
}

/** Opens the dialog, or a message when the object is gone or the action is not available. */
export function openDialogFor(snapshot: StoreView, action: DialogAction, target: DialogTarget, access: ActionAccess, now: number): DialogOpening {
	const subject = subjectOf(snapshot, target);
	if (!subject) {
		return {message: `the ${target.kind === 'cronjob' ? 'cron job' : target.kind} is gone`};
	}

	return openDialog(action, subject, access, now);
}
