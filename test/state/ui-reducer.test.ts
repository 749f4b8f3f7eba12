import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ObjectCommand, UiCommand} from '../../source/state/keys/commands.js';
import {type KeyPress, splitChunk} from '../../source/state/keys/keys.js';
import {uiReducer} from '../../source/state/ui-reducer.js';
import type {UiAction, ViewContext} from '../../source/state/ui-actions.js';
import {currentEntry, initialUiState, tableQuery} from '../../source/state/ui-state.js';
import type {UiState} from '../../source/state/types.js';
import {liveOf} from '../helpers/live.js';

const now = 1_000_000;
const rows = ['a', 'b', 'c', 'd', 'e'];
const live = liveOf();
const view = (ids: readonly string[] = rows, page = 3): ViewContext => ({rows: ids, page, now, names: {namespaces: ['batch', 'default'], contexts: ['kind-kjobs', 'prod']}, live});
const key = (type: UiCommand | ObjectCommand, ids: readonly string[] = rows, page = 3): UiAction => ({type, ...view(ids, page)});
const start = (handlesRequests = true) => initialUiState({namespace: 'default', handlesRequests});
const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(uiReducer, state);
const type = (text: string): UiAction => ({type: 'input-text', text});

test('starts on the jobs view, sorted by name, in the given namespace', () => {
	const state = start();
	assert.deepEqual(state.stack, [{screen: {id: 'jobs'}, index: 0, scroll: 0}]);
	assert.deepEqual(tableQuery(state), {filter: '', sort: 'name', reverse: false, hideCompleted: false, allNamespaces: false});
});

test('the cursor moves by uid, pages and scrolls only as far as needed', () => {
	let state = run(start(), key('cursor-down'), key('cursor-down'), key('cursor-down'));
	assert.deepEqual(currentEntry(state), {screen: {id: 'jobs'}, selected: 'd', index: 3, scroll: 1});
	state = run(state, key('cursor-up'), key('cursor-up'));
	assert.deepEqual(currentEntry(state), {screen: {id: 'jobs'}, selected: 'b', index: 1, scroll: 1});
	state = run(state, key('cursor-bottom'));
	assert.deepEqual(currentEntry(state), {screen: {id: 'jobs'}, selected: 'e', index: 4, scroll: 2});
	state = run(state, key('cursor-down'));
	assert.equal(currentEntry(state).selected, 'e');
	state = run(state, key('page-up'));
	assert.deepEqual(currentEntry(state), {screen: {id: 'jobs'}, selected: 'b', index: 1, scroll: 1});
	state = run(state, key('cursor-top'));
	assert.deepEqual(currentEntry(state), {screen: {id: 'jobs'}, selected: 'a', index: 0, scroll: 0});
	state = run(state, key('page-down'));
	assert.equal(currentEntry(state).selected, 'd');
});

test('the selection stays on its object when rows move, and falls to a neighbour when it goes', () => {
	let state = run(start(), key('cursor-down'), key('cursor-down'));
	assert.equal(currentEntry(state).selected, 'c');
	// A new row appeared above: the next move starts from where c is now.
	state = run(state, key('cursor-down', ['new', 'a', 'b', 'c', 'd', 'e']));
	assert.equal(currentEntry(state).selected, 'd');
	assert.equal(currentEntry(state).index, 4);
	// d went: the cursor is on the row that took its place, and moves on from there.
	state = run(state, key('cursor-down', ['new', 'a', 'b', 'c', 'e', 'f']));
	assert.equal(currentEntry(state).selected, 'f');
	state = run(state, key('cursor-up', ['a']));
	assert.deepEqual(currentEntry(state), {screen: {id: 'jobs'}, selected: 'a', index: 0, scroll: 0});
	const empty = start();
	assert.equal(run(empty, key('cursor-down', [])), empty);
});

test('Enter drills down and Esc comes back to the same row; a breadcrumb of screens builds up', () => {
	let state = run(start(), key('cursor-down'), key('open'));
	assert.deepEqual(state.stack.map((entry) => entry.screen), [{id: 'jobs'}, {id: 'job-detail', uid: 'b'}]);
	state = run(state, key('open', ['pod-1', 'pod-2']));
	assert.deepEqual(currentEntry(state).screen, {id: 'pod-detail', uid: 'pod-1'});
	assert.equal(run(state, key('open', [])).stack.length, 3);
	state = run(state, key('back', []), key('back', ['pod-1', 'pod-2']));
	assert.deepEqual(currentEntry(state), {screen: {id: 'jobs'}, selected: 'b', index: 1, scroll: 0});
	// Esc on the root with no filter changes nothing.
	assert.equal(run(state, key('back')), state);
	const cron = run(initialUiState({view: 'cronjobs', namespace: undefined, handlesRequests: true}), key('open', ['cj']), key('open', ['job-1']));
	assert.deepEqual(cron.stack.map((entry) => entry.screen), [{id: 'cronjobs'}, {id: 'cronjob-detail', uid: 'cj'}, {id: 'job-detail', uid: 'job-1'}]);
	assert.deepEqual(run(start(), key('open', [])).stack, start().stack);
});

test('the filter applies as it is typed; Enter keeps it, Esc clears it', () => {
	let state = run(start(), key('filter'), type('ba'), type('ck'), key('input-backspace'));
	assert.equal(state.mode, 'filter');
	assert.equal(state.filter, 'bac');
	state = run(state, key('input-submit'));
	assert.equal(state.mode, 'normal');
	assert.equal(state.filter, 'bac');
	assert.equal(run(state, key('filter'), key('input-cancel')).filter, '');
	// Esc on the root view clears a kept filter.
	assert.equal(run(state, key('back')).filter, '');
	// Pasted control bytes do not reach the one-line input.
	assert.equal(run(start(), key('filter'), type('a\u001B[2Jb\nc')).filter, 'a[2Jbc');
	assert.equal(run(start(), type('x')).filter, '');
});

test('the command line switches views, completes with Tab and reports unknown commands', () => {
	let state = run(start(), key('command-line'), type('c'), type('j'), key('input-submit'));
	assert.equal(state.mode, 'normal');
	assert.equal(state.command, '');
	assert.deepEqual(state.stack, [{screen: {id: 'cronjobs'}, index: 0, scroll: 0}]);
	state = run(state, key('command-line'), type('po'), key('input-complete'));
	assert.equal(state.command, 'pods');
	state = run(state, key('input-submit'));
	assert.deepEqual(currentEntry(state).screen, {id: 'pods'});
	state = run(state, key('command-line'), type('frob'), key('input-submit'));
	assert.deepEqual(state.message, {text: 'unknown command: frob (try :jobs, :cj, :pods, :history, :ns NAME, :ctx NAME, :q)', tone: 'error', at: now});
	assert.equal(run(state, key('cursor-down')).message, undefined);
	assert.equal(run(start(), key('command-line'), key('input-backspace')).mode, 'normal');
	assert.equal(run(start(), key('command-line'), type('q'), key('input-cancel')).quit, false);
	assert.equal(run(start(), key('command-line'), type('q'), key('input-submit')).quit, true);
});

test(':ns, 0 and :ctx become requests for the app, numbered in order', () => {
	let state = run(start(), key('command-line'), type('ns b'), key('input-complete'));
	assert.equal(state.command, 'ns batch');
	state = run(state, key('input-submit'), key('all-namespaces'), key('command-line'), type('ctx prod'), key('input-submit'));
	assert.equal(state.namespace, undefined);
	assert.deepEqual(state.requests, [
		{seq: 1, request: {kind: 'set-namespace', namespace: 'batch'}},
		{seq: 2, request: {kind: 'set-namespace', namespace: undefined}},
		{seq: 3, request: {kind: 'switch-context', name: 'prod'}},
	]);
	assert.equal(tableQuery(state).allNamespaces, true);
	assert.equal(run(start(), key('command-line'), type('ns'), key('input-submit')).picker?.kind, 'namespace');
});

test('logs commands request the selected row\'s logs, or the detail screen\'s object\'s', () => {
	let state = run(start(), key('cursor-down'), key('logs'));
	assert.deepEqual(state.requests.map((entry) => entry.request), [{kind: 'open-logs', target: {kind: 'job', uid: 'b'}, previous: false}]);
	state = run(start(), key('open'), key('cursor-down', ['p1', 'p2']), key('previous-logs', ['p1', 'p2']), key('logs', ['p1', 'p2']));
	assert.deepEqual(state.requests.map((entry) => entry.request), [
		{kind: 'open-logs', target: {kind: 'pod', uid: 'p2'}, previous: true},
		{kind: 'open-logs', target: {kind: 'job', uid: 'a'}, previous: false},
	]);
	assert.deepEqual(run(start(), key('logs', [])).message, {text: 'nothing selected', tone: 'warning', at: now});
	assert.deepEqual(run(start(), key('delete', [])).message, {text: 'nothing selected', tone: 'warning', at: now});
});

test('action keys never become requests by themselves: they open a dialog (flow.test.ts), or say why not', () => {
	// The row is not in the snapshot the action carries: no dialog, no request.
	const state = run(start(), key('delete'), key('rerun'), key('suspend'));
	assert.deepEqual(state.requests, []);
	assert.equal(state.dialog, undefined);
	assert.deepEqual(state.message, {text: 'the job is gone', tone: 'warning', at: now});
});

test('without a request handler the message line says the request is not available yet', () => {
	const state = run(start(false), key('logs'));
	assert.deepEqual(state.requests, []);
	assert.deepEqual(state.message, {text: 'logs: not available yet', tone: 'warning', at: now});
	assert.equal(run(start(false), key('all-namespaces')).message?.text, 'namespace switch: not available yet');
});

test('the same sort key again reverses the sort; another key starts its own sort the usual way round', () => {
	let state = run(start(), key('sort-name'));
	assert.deepEqual([state.sort, state.reverse, state.message?.text, tableQuery(state).reverse], ['name', true, 'sorted by name ▼', true]);
	state = run(state, key('sort-name'));
	assert.deepEqual([state.sort, state.reverse, state.message?.text], ['name', false, 'sorted by name ▲']);
	state = run(state, key('sort-name'), key('sort-age'));
	assert.deepEqual([state.sort, state.reverse], ['age', false]);
});

test('sort, hide completed, help and quit', () => {
	let state = run(start(), key('sort-age'));
	assert.equal(state.sort, 'age');
	assert.deepEqual(state.message, {text: 'sorted by age ▲', tone: 'normal', at: now});
	state = run(state, key('sort-status'), key('toggle-completed'));
	assert.deepEqual([state.sort, state.hideCompleted, state.message?.text], ['status', true, 'completed hidden (c shows them)']);
	state = run(state, key('help'));
	assert.deepEqual(currentEntry(state), {screen: {id: 'help'}, index: 0, scroll: 0});
	const lines = Array.from({length: 10}, (_unused, index) => String(index));
	state = run(state, key('cursor-down', lines, 4), key('page-down', lines, 4), key('cursor-bottom', lines, 4));
	assert.equal(currentEntry(state).scroll, 6);
	state = run(state, key('cursor-top', lines, 4));
	assert.equal(currentEntry(state).scroll, 0);
	assert.deepEqual(run(state, key('help')).stack.map((entry) => entry.screen.id), ['jobs']);
	assert.equal(run(state, key('quit')).quit, true);
});

test('only the last 16 requests are kept', () => {
	const state = run(start(), ...Array.from({length: 20}, () => key('logs')));
	assert.equal(state.requests.length, 16);
	assert.equal(state.requests[0]?.seq, 5);
	assert.equal(state.nextSeq, 21);
});

test('key presses resolve in the state\'s own context, so a run of keys read at once works', () => {
	const press = (input: string, key: KeyPress = {}): UiAction => ({type: 'key-press', input, key, ...view()});
	let state = run(start(), ...splitChunk(':cj\r').map(({input, key}) => press(input, key)));
	assert.deepEqual(state.stack, [{screen: {id: 'cronjobs'}, index: 0, scroll: 0}]);
	assert.equal(state.hideCompleted, false);
	state = run(start(), ...splitChunk('/pi\rjj').map(({input, key}) => press(input, key)));
	assert.deepEqual([state.mode, state.filter, currentEntry(state).selected], ['normal', 'pi', 'c']);
	// Unbound chords and keys do nothing; log pane keys are not the reducer's.
	const base = start();
	assert.equal(run(base, press('x')), base);
	assert.equal(run(base, press('w')), base);
	assert.equal(run(run(base, press('/')), press('d', {ctrl: true})).filter, '');
});

test('a chunk splits into one key per character', () => {
	assert.deepEqual(splitChunk('jG\r\t\u007F\u0004'), [
		{input: 'j', key: {}}, {input: 'G', key: {shift: true}}, {input: '', key: {return: true}}, {input: '', key: {tab: true}},
		{input: '', key: {backspace: true}}, {input: 'd', key: {ctrl: true}},
	]);
});

test('on detail screens PgUp/PgDn scroll the info, and every move scrolls a pod\'s screen', () => {
	const info = {lines: 20, height: 6};
	const detailKey = (command: UiCommand, ids: readonly string[]): UiAction => ({type: command, ...view(ids), info});
	let state = run(start(), key('open'), detailKey('page-down', ['p1', 'p2']), detailKey('page-down', ['p1', 'p2']));
	assert.equal(currentEntry(state).detailScroll, 10);
	state = run(state, detailKey('page-down', ['p1', 'p2']), detailKey('cursor-down', ['p1', 'p2']));
	assert.deepEqual(currentEntry(state), {screen: {id: 'job-detail', uid: 'a'}, index: 1, scroll: 0, detailScroll: 14, selected: 'p2'});
	state = run(state, detailKey('page-up', ['p1', 'p2']));
	assert.equal(currentEntry(state).detailScroll, 9);
	state = run(state, detailKey('open', ['p1', 'p2']), detailKey('cursor-down', []), detailKey('cursor-bottom', []));
	assert.deepEqual(currentEntry(state), {screen: {id: 'pod-detail', uid: 'p2'}, index: 0, scroll: 0, detailScroll: 14});
	assert.equal(currentEntry(run(state, detailKey('cursor-top', []))).detailScroll, 0);
});

test('Ctrl+W turns wide on and off, and says so', () => {
	let state = run(start(), key('toggle-wide'));
	assert.deepEqual([state.wide, state.message?.text], [true, 'wide: every column (Ctrl+W again: the ones that fit)']);
	state = run(state, key('toggle-wide'));
	assert.deepEqual([state.wide, state.message?.text], [false, 'columns that fit']);
});
