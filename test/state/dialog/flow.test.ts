import assert from 'node:assert/strict';
import {test} from 'node:test';
import {allAllowed} from '../../../source/cluster/actions/permissions.js';
import type {ObjectCommand, UiCommand} from '../../../source/state/keys/commands.js';
import type {KeyPress} from '../../../source/state/keys/keys.js';
import {uiReducer} from '../../../source/state/ui-reducer.js';
import type {UiAction, ViewContext} from '../../../source/state/ui-actions.js';
import {currentEntry, initialUiState} from '../../../source/state/ui-state.js';
import type {Access, UiState} from '../../../source/state/types.js';
import {makeCronJob, makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

const job = {...makeJob('pi', {namespace: 'batch', parallelism: 2, completions: 2}), status: {active: 2}};
const cron = makeCronJob('nightly', '0 2 * * *', {namespace: 'batch'});
const snapshot = makeSnapshot({jobs: [job], cronJobs: [cron], pods: [makePod(job, 'a'), makePod(job, 'b')]});
const writable: Access = {readOnly: undefined, permissions: allAllowed};
const readOnly: Access = {readOnly: 'read-only: kjobs was started with --readonly', permissions: allAllowed};
// The dialog is built from the snapshot and access the key action carries: data, not a callback.
const view = (rows: readonly string[], access: Access = writable): ViewContext => ({rows, page: 3, now, live: {snapshot, access}});
const command = (type: UiCommand | ObjectCommand, rows: readonly string[] = ['uid-pi'], access: Access = writable): UiAction => ({type, ...view(rows, access)});
const press = (input: string, key: KeyPress = {}): UiAction => ({type: 'key-press', input, key, ...view(['uid-pi'])});
const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(uiReducer, state);
const start = (viewId: 'jobs' | 'cronjobs' = 'jobs') => initialUiState({view: viewId, namespace: undefined, handlesRequests: true});

test('an action key opens its dialog; every key then goes to the dialog, and Esc cancels', () => {
	let state = run(start(), press('d', {ctrl: true}));
	assert.equal(state.dialog?.dialog.question, 'Delete job batch/pi and its 2 pods?');
	assert.deepEqual(state.dialog?.target, {kind: 'job', uid: 'uid-pi'});
	// j moves between choices instead of the cursor; q does not quit but cancels.
	state = run(state, press('j'), press('', {rightArrow: true}));
	assert.equal(state.dialog?.dialog.selected, 2);
	assert.deepEqual(state.stack, start().stack);
	// Shift+Tab goes back; a key the dialog does not bind changes nothing (it is not typed anywhere either).
	assert.equal(run(state, press('', {tab: true, shift: true})).dialog?.dialog.selected, 1);
	assert.equal(run(state, press('x')), state);
	const cancelled = run(state, press('', {escape: true}));
	assert.equal(cancelled.dialog, undefined);
	assert.deepEqual(cancelled.message, {text: 'Delete job: cancelled', tone: 'muted', at: now});
	assert.equal(run(state, press('q')).quit, false);
	assert.equal(run(state, press('c', {ctrl: true})).quit, true);
});

test('confirming closes the dialog at once and queues exactly one action, even with a second y right after', () => {
	const state = run(start(), press('d', {ctrl: true}), press('', {downArrow: true}), press('', {downArrow: true}), press('y'), press('y'));
	const actions = state.requests.filter((entry) => entry.request.kind === 'action').map((entry) => entry.request);
	assert.deepEqual(actions, [{
		kind: 'action', target: {kind: 'job', uid: 'uid-pi'},
		action: {kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'pi', uid: 'uid-pi'}, propagation: 'Orphan'},
	}]);
	assert.equal(state.dialog, undefined);
	// The second y, with the dialog gone, opened the YAML screen (read-only) rather than confirming again.
	assert.deepEqual(currentEntry(state).screen, {id: 'yaml', target: {kind: 'job', uid: 'uid-pi'}});
});

test('read-only or not applicable: the message line explains and no dialog opens', () => {
	const refused = run(start(), command('delete', ['uid-pi'], readOnly));
	assert.equal(refused.dialog, undefined);
	assert.deepEqual(refused.message, {text: 'read-only: kjobs was started with --readonly', tone: 'warning', at: now});
	assert.deepEqual(refused.requests, []);
	assert.equal(run(start(), command('delete', ['gone'])).message?.text, 'the job is gone');
	assert.equal(run(start(), command('rerun', [])).message?.text, 'nothing selected');
	assert.equal(run(start('cronjobs'), command('trigger', ['uid-nightly'])).dialog?.dialog.title, 'Trigger cron job');
});

test('a created job is awaited, then selected where the user is', () => {
	const created = {namespace: 'batch', name: 'nightly-manual-abcde', uid: 'uid-new'};
	const triggered = run(start('cronjobs'), command('trigger', ['uid-nightly']), press('y'));
	const request = triggered.requests.at(-1)?.request;
	assert.ok(request);
	const waiting = uiReducer(triggered, {type: 'request-done', request, result: {ok: true, message: 'created job batch/nightly-manual-abcde from cron job nightly', created}, now});
	assert.deepEqual(waiting.awaiting, {ref: created, from: {kind: 'cronjob', uid: 'uid-nightly'}});
	assert.deepEqual(waiting.message, {text: 'created job batch/nightly-manual-abcde from cron job nightly', tone: 'success', at: now});
	// On the cron jobs list: the cron job's screen opens with the new job selected.
	const arrived = uiReducer(waiting, {type: 'created-arrived', uid: 'uid-new', rows: ['uid-nightly'], page: 3});
	assert.equal(arrived.awaiting, undefined);
	assert.deepEqual(arrived.stack, [
		{screen: {id: 'cronjobs'}, selected: 'uid-nightly', index: 0, scroll: 0},
		{screen: {id: 'cronjob-detail', uid: 'uid-nightly'}, selected: 'uid-new', index: 0, scroll: 0},
	]);
	// On the jobs list the cursor moves to it, scrolled into view.
	const onList = {...start(), awaiting: {ref: created, from: {kind: 'job' as const, uid: 'uid-pi'}}};
	const rows = ['a', 'b', 'c', 'd', 'uid-new'];
	assert.deepEqual(uiReducer(onList, {type: 'created-arrived', uid: 'uid-new', rows, page: 3}).stack, [{screen: {id: 'jobs'}, selected: 'uid-new', index: 4, scroll: 2}]);
	// On the old job's screen, that screen becomes the new job's, and the list below points at it too.
	const onDetail = run(onList, command('open', ['uid-pi']));
	assert.deepEqual(uiReducer(onDetail, {type: 'created-arrived', uid: 'uid-new', rows: [], page: 3}).stack, [
		{screen: {id: 'jobs'}, selected: 'uid-new', index: 0, scroll: 0},
		{screen: {id: 'job-detail', uid: 'uid-new'}, index: 0, scroll: 0},
	]);
});

test('d and y open describe and YAML screens that scroll like help; d/y swap them, Esc goes back', () => {
	let state = run(start(), command('describe'));
	assert.deepEqual(currentEntry(state).screen, {id: 'describe', target: {kind: 'job', uid: 'uid-pi'}});
	const lines = Array.from({length: 10}, (_unused, index) => String(index));
	state = run(state, command('page-down', lines), command('cursor-down', lines));
	assert.equal(currentEntry(state).scroll, 4);
	state = run(state, command('cursor-bottom', lines));
	assert.equal(currentEntry(state).scroll, 7);
	state = run(state, command('yaml', lines));
	assert.deepEqual(state.stack.map((entry) => entry.screen.id), ['jobs', 'yaml']);
	assert.equal(currentEntry(state).scroll, 0);
	assert.deepEqual(run(state, command('back', lines)).stack.map((entry) => entry.screen.id), ['jobs']);
	assert.equal(run(start(), command('yaml', [])).message?.text, 'nothing selected');
});
