/**
The confirmation dialogs of the actions (delete, rerun, trigger, suspend/resume): what will happen, named exactly,
the choices, and the request to carry out for each. Opening a dialog for an action that read-only mode or RBAC
forbids gives a message instead.
*/
import type {ActionRequest, ObjectRef, Propagation} from '../../cluster/actions/types.js';
import type {Permissions} from '../../cluster/actions/permissions.js';
import {mostRecentScheduleTime} from '../../kube/cron/schedule.js';
import type {CronJob, Job, Pod} from '../../kube/types.js';

/** The actions that open a dialog. */
export type DialogAction = 'delete' | 'rerun' | 'trigger' | 'suspend';

/** What a confirmed choice asks for: an action on the cluster, or deleting an archived run (a local file). */
export type DialogRequest = ActionRequest | {readonly kind: 'forget-run'; readonly uid: string; readonly name: string};

/** One choice: its label, a line saying what it does, and the request it confirms. */
export type DialogChoice = {readonly label: string; readonly explanation: string; readonly request: DialogRequest};

/** An open dialog. `selected` indexes `choices` (there is always at least one). */
export type ConfirmDialog = {
	readonly action: DialogAction | 'forget-run';
	readonly title: string;
	/** The question, naming the object exactly: "Delete job batch/pi and its 3 pods?" */
	readonly question: string;
	/** What will happen, beyond the question. */
	readonly details: readonly string[];
	readonly choices: readonly DialogChoice[];
	readonly selected: number;
	/** Text on the confirm button, e.g. "Delete". */
	readonly confirmLabel: string;
	readonly dangerous: boolean;
};

/** The object an action is about, with what the dialog needs to know about its dependents. */
export type DialogSubject =
	| {readonly kind: 'job'; readonly job: Job; readonly podCount: number}
	| {readonly kind: 'cronjob'; readonly cronJob: CronJob; readonly jobCount: number}
	| {readonly kind: 'pod'; readonly pod: Pod};

/** Why actions may be unavailable: the read-only gate's message and the RBAC answers. */
export type ActionAccess = {readonly readOnly: string | undefined; readonly permissions: Permissions};

/** Opening gives a dialog, or a message for the message line when the action cannot be offered. */
export type DialogOpening = {readonly dialog: ConfirmDialog} | {readonly message: string};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function refOf(object: Job | CronJob | Pod): ObjectRef {
	return {namespace: object.metadata.namespace ?? 'default', name: object.metadata.name ?? '', ...(object.metadata.uid ? {uid: object.metadata.uid} : {})};
}

function nameOf(object: Job | CronJob | Pod): string {
	return `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

/** The permission an action needs for a subject, or undefined when the action does not apply to it. */
function needed(action: DialogAction, subject: DialogSubject): ReadonlyArray<keyof Permissions> | undefined {
	switch (action) {
		case 'delete': {
			return [subject.kind === 'job' ? 'delete-jobs' : (subject.kind === 'cronjob' ? 'delete-cronjobs' : 'delete-pods')];
		}

		case 'rerun': {
			return subject.kind === 'job' ? ['create-jobs'] : undefined;
		}

		case 'trigger': {
			return subject.kind === 'cronjob' ? ['create-jobs'] : undefined;
		}

		case 'suspend': {
			return subject.kind === 'pod' ? undefined : [subject.kind === 'job' ? 'patch-jobs' : 'patch-cronjobs'];
		}
	}
}

/** Why `action` cannot be offered for `subject`, or undefined when it can. */
export function unavailableReason(action: DialogAction, subject: DialogSubject, access: ActionAccess): string | undefined {
	const keys = needed(action, subject);
	if (keys === undefined) {
		const what = {rerun: 'only jobs can be rerun', trigger: 'only cron jobs can be triggered', suspend: 'only jobs and cron jobs can be suspended', delete: ''}[action];
		return what;
	}

	if (access.readOnly !== undefined) {
		return access.readOnly;
	}

	return keys.map(key => access.permissions[key]).find(permission => !permission.allowed)?.reason;
}

function deleteDialog(subject: DialogSubject): ConfirmDialog {
	if (subject.kind === 'pod') {
		const request: ActionRequest = {kind: 'delete', resource: 'pods', target: refOf(subject.pod), propagation: 'Background'};
		const owned = subject.pod.metadata.ownerReferences?.find(owner => owner.controller === true);
		return {
			action: 'delete', title: 'Delete pod', question: `Delete pod ${nameOf(subject.pod)}?`,
			details: owned?.kind === 'Job' ? [`Its job ${owned.name} may start a replacement pod.`] : [],
			choices: [{label: 'Delete', explanation: 'Graceful deletion: the containers get their termination grace period.', request}],
			selected: 0, confirmLabel: 'Delete', dangerous: true,
		};
	}

	const [resource, object, dependents] = subject.kind === 'job'
		? ['jobs' as const, subject.job, plural(subject.podCount, 'pod')]
		: ['cronjobs' as const, subject.cronJob, plural(subject.jobCount, 'job')];
	const word = subject.kind === 'job' ? 'job' : 'cron job';
	const count = subject.kind === 'job' ? subject.podCount : subject.jobCount;
	const what = subject.kind === 'job' ? 'pods' : 'jobs (and their pods)';
	const choice = (propagation: Propagation, label: string, explanation: string): DialogChoice => ({label, explanation, request: {kind: 'delete', resource, target: refOf(object), propagation}});
	return {
		action: 'delete',
		title: `Delete ${word}`,
		question: count > 0 ? `Delete ${word} ${nameOf(object)} and its ${dependents}?` : `Delete ${word} ${nameOf(object)}?`,
		details: [],
		choices: [
			choice('Background', 'Background', `Delete the ${word} now; the garbage collector then deletes its ${what} (as kubectl does).`),
			choice('Foreground', 'Foreground', `Delete its ${what} first; the ${word} shows Terminating until they are gone.`),
			choice('Orphan', 'Orphan', `Delete only the ${word}; its ${what} keep running, without an owner.`),
		],
		selected: 0,
		confirmLabel: 'Delete',
		dangerous: true,
	};
}

function rerunDialog(job: Job, access: ActionAccess): ConfirmDialog {
	const name = job.metadata.name ?? '';
	const copy: DialogChoice = {label: 'New copy', explanation: `Create ${name}-rerun-xxxxx and keep ${name} with its history.`, request: {kind: 'rerun', job, mode: 'copy'}};
	const replace: DialogChoice = {label: 'Replace', explanation: `Delete ${name} and its pods, wait until it is gone, then create it again under the same name.`, request: {kind: 'rerun', job, mode: 'replace'}};
	// Replacing also deletes: without that permission only the copy is offered, and the dialog says why.
	const deletion = access.permissions['delete-jobs'];
	return {
		action: 'rerun',
		title: 'Rerun job',
		question: `Rerun job ${nameOf(job)}?`,
		details: ['A new job is created from its spec; the old one is not changed.', ...(deletion.allowed ? [] : [`Replace is not offered: ${deletion.reason ?? 'forbidden'}.`])],
		choices: deletion.allowed ? [copy, replace] : [copy],
		selected: 0,
		confirmLabel: 'Rerun',
		dangerous: false,
	};
}

function triggerDialog(cronJob: CronJob): ConfirmDialog {
	const name = cronJob.metadata.name ?? '';
	return {
		action: 'trigger',
		title: 'Trigger cron job',
		question: `Start a job from cron job ${nameOf(cronJob)} now?`,
		details: [`Creates ${name}-manual-xxxxx as kubectl create job --from=cronjob/${name} does; the schedule is not changed.`],
		choices: [{label: 'Trigger', explanation: 'The new job counts toward the cron job\'s history limits.', request: {kind: 'trigger', cronJob}}],
		selected: 0,
		confirmLabel: 'Trigger',
		dangerous: false,
	};
}

function resumeDetails(subject: DialogSubject, now: number): string[] {
	if (subject.kind === 'job') {
		return ['The job starts creating pods again.'];
	}

	if (subject.kind !== 'cronjob') {
		return [];
	}

	try {
		const {mostRecent} = mostRecentScheduleTime(subject.cronJob, now);
		if (mostRecent !== undefined) {
			const at = new Date(mostRecent).toISOString().replace('.000Z', 'Z');
			return [`It missed the run at ${at}: resuming starts a job for it at once.`];
		}
	} catch {}

	return ['Jobs start again at the next scheduled time.'];
}

function suspendDialog(subject: DialogSubject, now: number): ConfirmDialog | undefined {
	if (subject.kind === 'pod') {
		return undefined;
	}

	const object = subject.kind === 'job' ? subject.job : subject.cronJob;
	const suspended = object.spec.suspend === true;
	const word = subject.kind === 'job' ? 'job' : 'cron job';
	const resource = subject.kind === 'job' ? 'jobs' as const : 'cronjobs' as const;
	const request: ActionRequest = {kind: 'suspend', resource, target: refOf(object), suspend: !suspended};
	const verb = suspended ? 'Resume' : 'Suspend';
	const details = suspended
		? resumeDetails(subject, now)
		: [subject.kind === 'job' ? 'Its running pods are deleted; it keeps its progress and can be resumed.' : 'No new jobs start until it is resumed; running jobs go on.'];
	return {
		action: 'suspend', title: `${verb} ${word}`, question: `${verb} ${word} ${nameOf(object)}?`, details,
		choices: [{label: verb, explanation: `Sets spec.suspend to ${String(!suspended)}.`, request}],
		selected: 0, confirmLabel: verb, dangerous: false,
	};
}

/** Opens the dialog for `action` on `subject`, or returns the message that explains why it cannot be done. */
export function openDialog(action: DialogAction, subject: DialogSubject, access: ActionAccess, now: number): DialogOpening {
	const reason = unavailableReason(action, subject, access);
	if (reason !== undefined) {
		return {message: reason};
	}

	switch (action) {
		case 'delete': {
			return {dialog: deleteDialog(subject)};
		}

		case 'rerun': {
			return subject.kind === 'job' ? {dialog: rerunDialog(subject.job, access)} : {message: 'only jobs can be rerun'};
		}

		case 'trigger': {
			return subject.kind === 'cronjob' ? {dialog: triggerDialog(subject.cronJob)} : {message: 'only cron jobs can be triggered'};
		}

		case 'suspend': {
			const dialog = suspendDialog(subject, now);
			return dialog ? {dialog} : {message: 'only jobs and cron jobs can be suspended'};
		}
	}
}
