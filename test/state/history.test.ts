import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {HistoryData, HistoryRun} from '../../source/archive/types.js';
import type {ObjectCommand, UiCommand} from '../../source/state/keys/commands.js';
import {resolveKey} from '../../source/state/keys/keymap.js';
import {uiReducer} from '../../source/state/ui-reducer.js';
import type {UiAction, ViewContext} from '../../source/state/ui-actions.js';
import {currentEntry, initialUiState, keyContext} from '../../source/state/ui-state.js';
import type {UiState} from '../../source/state/types.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {createManualClock} from '../../source/store/clock.js';
import {liveOf} from '../helpers/live.js';

const now = 1_000_000;
const run: HistoryRun = {file: '/state/kjobs/archive/ctx/batch/u1.json', uid: 'u1', context: 'ctx', namespace: 'batch', name: 'fleeting', capturedAt: now - 5000, endedAt: now - 6000, logEntries: 4, truncated: false};
const history: HistoryData = {loaded: true, runs: [run], problems: [], view: createResourceStore({clock: createManualClock(now)}).getSnapshot()};
const view = (rows: readonly string[] = ['u1']): ViewContext => ({rows, page: 10, now, live: {...liveOf(), history}});
const command = (type: UiCommand | ObjectCommand, rows?: readonly string[]): UiAction => ({type, ...view(rows)});
const press = (input: string, key = {}): UiAction => ({type: 'key-press', input, key, ...view()});
const start = () => initialUiState({namespace: undefined, handlesRequests: true});
const reduce = (state: UiState, ...actions: UiAction[]) => actions.reduce(uiReducer, state);
const lastRequest = (state: UiState) => state.requests.at(-1)?.request;

test('H opens the history over the screen the user was on and asks for the archive to be read; Esc comes back', () => {
	assert.equal(resolveKey('H', {shift: true}, 'jobs'), 'history');
	assert.equal(resolveKey('H', {shift: true}, 'job-detail'), 'history');
	let state = reduce(start(), press('/'), {type: 'input-text', text: 'pi'}, press('', {return: true}));
	assert.equal(state.filter, 'pi');
	state = reduce(state, press('H', {shift: true}));
	assert.deepEqual(state.stack.map(entry => entry.screen.id), ['jobs', 'history']);
	assert.equal(keyContext(state), 'history');
	assert.equal(state.filter, '', 'the list\'s filter stays with the list');
	assert.deepEqual(lastRequest(state), {kind: 'load-history'});
	// H again on the history reads it again without stacking another one.
	state = reduce(state, press('H', {shift: true}));
	assert.deepEqual(state.stack.map(entry => entry.screen.id), ['jobs', 'history']);
	assert.equal(state.requests.length, 2);
	state = reduce(state, press('', {escape: true}));
	assert.deepEqual(state.stack.map(entry => entry.screen.id), ['jobs']);
});

test(':history opens it too, and Enter on a run opens the archived job', () => {
	let state = reduce(start(), press(':'), {type: 'input-text', text: 'history'}, press('', {return: true}));
	assert.equal(currentEntry(state).screen.id, 'history');
	assert.deepEqual(lastRequest(state), {kind: 'load-history'});
	state = reduce(state, command('open'));
	assert.deepEqual(currentEntry(state).screen, {id: 'archived-job', uid: 'u1'});
	assert.equal(keyContext(state), 'archived-job');
});

test('l on the history or an archived job asks for the archived run\'s logs, never the live job\'s', () => {
	let state = reduce(start(), command('history'), press('l'));
	assert.deepEqual(lastRequest(state), {kind: 'open-logs', target: {kind: 'job', uid: 'u1', archived: true}, previous: false});
	state = reduce(start(), command('history'), command('open'), press('l'));
	assert.deepEqual(lastRequest(state), {kind: 'open-logs', target: {kind: 'job', uid: 'u1', archived: true}, previous: false});
});

test('Ctrl+D on an archived run asks first, says only the local copy goes, and a confirmation is a forget-run request (not a cluster action)', () => {
	let state = reduce(start(), command('history'));
	assert.equal(resolveKey('d', {ctrl: true}, 'history'), 'forget-run');
	state = reduce(state, press('d', {ctrl: true}));
	assert.equal(keyContext(state), 'dialog');
	assert.equal(state.dialog?.dialog.question, 'Delete the archived run of job batch/fleeting from this machine?');
	assert.ok(state.dialog?.dialog.details.some(line => line.includes('/state/kjobs/archive/ctx/batch/u1.json')), 'names the file');
	assert.ok(state.dialog?.dialog.details.some(line => line.includes('Nothing is sent to the cluster')));
	const cancelled = reduce(state, press('n'));
	assert.equal(cancelled.dialog, undefined);
	assert.equal(cancelled.requests.length, 1, 'cancel sends nothing');
	const confirmed = reduce(state, press('y'));
	assert.deepEqual(lastRequest(confirmed), {kind: 'forget-run', uid: 'u1', name: 'batch/fleeting'});
	// Nothing to delete when the run is not in the archive as drawn.
	const missing = reduce(start(), command('history'), command('forget-run', ['u2']));
	assert.equal(missing.dialog, undefined);
	assert.equal(missing.message?.text, 'that run is no longer in the archive');
});

test('a run deleted from its own screen goes back to the history', () => {
	let state = reduce(start(), command('history'), command('open'));
	state = uiReducer(state, {type: 'request-done', request: {kind: 'forget-run', uid: 'u1', name: 'batch/fleeting'}, result: {ok: true, message: 'deleted'}, now});
	assert.deepEqual(state.stack.map(entry => entry.screen.id), ['jobs', 'history']);
	assert.equal(state.message?.text, 'deleted');
});

test('a filter typed on the history is left behind with it', () => {
	let state = reduce(start(), command('history'), press('/'), {type: 'input-text', text: 'warm'}, press('', {return: true}));
	assert.equal(state.filter, 'warm');
	state = reduce(state, press('q'));
	assert.deepEqual(state.stack.map(entry => entry.screen.id), ['jobs']);
	assert.equal(state.filter, '');
});
