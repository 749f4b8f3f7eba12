import assert from 'node:assert/strict';
import {test} from 'node:test';
import {allAllowed, type Permissions} from '../../../source/cluster/actions/permissions.js';
import {type ActionAccess, type ConfirmDialog, openDialog} from '../../../source/state/dialog/model.js';
import {disabledReasons} from '../../../source/state/dialog/disabled.js';
import {dialogKey} from '../../../source/state/dialog/keys.js';
import {openDialogFor} from '../../../source/state/dialog/target.js';
import {makeCronJob, makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

const open: ActionAccess = {readOnly: undefined, permissions: allAllowed};
const job = {...makeJob('pi', {namespace: 'batch', parallelism: 3, completions: 3}), status: {active: 3}};
const pods = ['a', 'b', 'c'].map(suffix => makePod(job, suffix));

function dialogOf(opening: ReturnType<typeof openDialog>): ConfirmDialog {
	assert.ok('dialog' in opening, JSON.stringify(opening));
	return opening.dialog;
}

test('delete dialog: names the job and its pods; Background is the default; next and previous move, wrapping', () => {
	const snapshot = makeSnapshot({jobs: [job], pods});
	const dialog = dialogOf(openDialogFor(snapshot, 'delete', {kind: 'job', uid: 'uid-pi'}, open, now));
	assert.equal(dialog.question, 'Delete job batch/pi and its 3 pods?');
	assert.deepEqual(dialog.choices.map(choice => choice.label), ['Background', 'Foreground', 'Orphan']);
	assert.equal(dialog.selected, 0);
	const target = {namespace: 'batch', name: 'pi', uid: 'uid-pi'};
	assert.deepEqual(dialogKey(dialog, 'dialog-confirm'), {type: 'confirm', request: {kind: 'delete', resource: 'jobs', target, propagation: 'Background'}});
	const right = dialogKey(dialog, 'dialog-next');
	assert.equal(right.type === 'open' && right.dialog.selected, 1);
	const tabbed = right.type === 'open' ? dialogKey(right.dialog, 'dialog-next') : right;
	assert.equal(tabbed.type === 'open' && tabbed.dialog.selected, 2);
	assert.deepEqual(tabbed.type === 'open' && dialogKey(tabbed.dialog, 'dialog-confirm'), {type: 'confirm', request: {kind: 'delete', resource: 'jobs', target, propagation: 'Orphan'}});
	const wrapped = tabbed.type === 'open' ? dialogKey(tabbed.dialog, 'dialog-next') : tabbed;
	assert.equal(wrapped.type === 'open' && wrapped.dialog.selected, 0);
	const back = dialogKey(dialog, 'dialog-previous');
	assert.equal(back.type === 'open' && back.dialog.selected, 2);
	assert.deepEqual(dialogKey(dialog, 'dialog-cancel'), {type: 'cancel'});
});

test('rerun dialog: new copy (default) or replace', () => {
	const dialog = dialogOf(openDialog('rerun', {kind: 'job', job, podCount: 3}, open, now));
	assert.equal(dialog.question, 'Rerun job batch/pi?');
	assert.deepEqual(dialog.choices.map(choice => [choice.label, choice.explanation]), [
		['New copy', 'Create pi-rerun-xxxxx and keep pi with its history.'],
		['Replace', 'Delete pi and its pods, wait until it is gone, then create it again under the same name.'],
	]);
	assert.deepEqual(dialogKey(dialog, 'dialog-confirm'), {type: 'confirm', request: {kind: 'rerun', job, mode: 'copy'}});
	const moved = dialogKey(dialog, 'dialog-next');
	assert.deepEqual(moved.type === 'open' && dialogKey(moved.dialog, 'dialog-confirm'), {type: 'confirm', request: {kind: 'rerun', job, mode: 'replace'}});
});

test('resume dialogs say what will happen; suspend is a single choice', () => {
	const missed = makeCronJob('nightly', '0 * * * *', {namespace: 'batch', suspend: true, lastSchedule: -7200});
	const resume = dialogOf(openDialog('suspend', {kind: 'cronjob', cronJob: missed, jobCount: 0}, open, now));
	assert.equal(resume.question, 'Resume cron job batch/nightly?');
	assert.deepEqual(resume.details, ['It missed the run at 2026-11-23T12:00:00Z: resuming starts a job for it at once.']);
	assert.deepEqual(dialogKey(resume, 'dialog-confirm'), {type: 'confirm', request: {kind: 'suspend', resource: 'cronjobs', target: {namespace: 'batch', name: 'nightly', uid: 'uid-nightly'}, suspend: false}});
	const suspendedJob = {...job, spec: {...job.spec, suspend: true}};
	assert.deepEqual(dialogOf(openDialog('suspend', {kind: 'job', job: suspendedJob, podCount: 0}, open, now)).details, ['The job starts creating pods again.']);
	const suspend = dialogOf(openDialog('suspend', {kind: 'job', job, podCount: 3}, open, now));
	assert.equal(suspend.question, 'Suspend job batch/pi?');
	assert.equal(suspend.choices.length, 1);
	const trigger = dialogOf(openDialog('trigger', {kind: 'cronjob', cronJob: missed, jobCount: 2}, open, now));
	assert.equal(trigger.question, 'Start a job from cron job batch/nightly now?');
});

test('read-only and RBAC give a message instead of a dialog', () => {
	const readOnly: ActionAccess = {readOnly: 'read-only: kjobs was started with --demo', permissions: allAllowed};
	for (const action of ['delete', 'rerun', 'suspend'] as const) {
		assert.deepEqual(openDialog(action, {kind: 'job', job, podCount: 3}, readOnly, now), {message: 'read-only: kjobs was started with --demo'});
	}

	const podUpdater: Permissions = {
		...allAllowed,
		'delete-jobs': {allowed: false, reason: 'forbidden: cannot delete jobs in namespace batch'},
		'create-jobs': {allowed: false, reason: 'forbidden: cannot create jobs in namespace batch'},
		'patch-jobs': {allowed: false, reason: 'forbidden: cannot patch jobs in namespace batch'},
		'patch-cronjobs': {allowed: false, reason: 'forbidden: cannot patch cronjobs in namespace batch'},
		'delete-cronjobs': {allowed: false, reason: 'forbidden: cannot delete cronjobs in namespace batch'},
	};
	const access: ActionAccess = {readOnly: undefined, permissions: podUpdater};
	assert.deepEqual(openDialog('delete', {kind: 'job', job, podCount: 3}, access, now), {message: 'forbidden: cannot delete jobs in namespace batch'});
	assert.deepEqual(openDialog('rerun', {kind: 'job', job, podCount: 3}, access, now), {message: 'forbidden: cannot create jobs in namespace batch'});
	const copyOnly = dialogOf(openDialog('rerun', {kind: 'job', job, podCount: 3}, {readOnly: undefined, permissions: {...allAllowed, 'delete-jobs': podUpdater['delete-jobs']}}, now));
	assert.deepEqual(copyOnly.choices.map(choice => choice.label), ['New copy']);
	assert.deepEqual(copyOnly.details, ['A new job is created from its spec; the old one is not changed.', 'Replace is not offered: forbidden: cannot delete jobs in namespace batch.']);
	assert.equal(dialogOf(openDialog('delete', {kind: 'pod', pod: pods[0]!}, access, now)).question, 'Delete pod batch/pi-a?');
	assert.deepEqual(openDialog('trigger', {kind: 'job', job, podCount: 3}, open, now), {message: 'only cron jobs can be triggered'});
	assert.deepEqual(disabledReasons(undefined, podUpdater, 'job'), {
		delete: 'forbidden: cannot delete jobs in namespace batch',
		rerun: 'forbidden: cannot create jobs in namespace batch',
		trigger: 'forbidden: cannot create jobs in namespace batch',
		suspend: 'forbidden: cannot patch jobs in namespace batch',
	});
	assert.deepEqual(disabledReasons(undefined, podUpdater, 'pod'), {rerun: 'forbidden: cannot create jobs in namespace batch', trigger: 'forbidden: cannot create jobs in namespace batch', suspend: 'forbidden: cannot patch jobs in namespace batch'});
	assert.deepEqual(disabledReasons('read-only: kjobs was started with --readonly', allAllowed), {delete: 'read-only: kjobs was started with --readonly', rerun: 'read-only: kjobs was started with --readonly', trigger: 'read-only: kjobs was started with --readonly', suspend: 'read-only: kjobs was started with --readonly'});
	assert.deepEqual(openDialogFor(makeSnapshot({}), 'delete', {kind: 'cronjob', uid: 'gone'}, open, now), {message: 'the cron job is gone'});
});
