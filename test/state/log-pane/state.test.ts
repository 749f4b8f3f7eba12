import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {LogKeyContext, UiState} from '../../../source/state/types.js';
import type {KeyPress} from '../../../source/state/keys/keys.js';
import {uiReducer} from '../../../source/state/ui-reducer.js';
import type {UiAction} from '../../../source/state/ui-actions.js';
import {initialUiState, keyContext} from '../../../source/state/ui-state.js';
import type {LogEntry} from '../../../source/store/log-buffer.js';
import {liveOf} from '../../helpers/live.js';

const now = 5000;
const line = (seq: number, text: string): LogEntry => ({kind: 'line', seq, podUid: 'p', podName: 'pi-1', tag: '#1', container: 'main', text, cut: 0});
const entries = [line(1, 'start'), line(2, 'boom one'), line(3, 'middle'), line(4, 'boom two'), line(5, 'end')];
const logs: LogKeyContext = {bounds: {newestSeq: 5, maxOffset: 3, minOffset: 0}, page: 2, entries};
const live = liveOf();
const press = (input: string, key: KeyPress = {}, withLogs = true): UiAction => ({type: 'key-press', input, key, rows: ['job-a'], page: 5, now, live, ...(withLogs ? {logs} : {})});
const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(uiReducer, state);
const start = () => initialUiState({namespace: undefined, handlesRequests: true});
const requests = (state: UiState) => state.requests.map(entry => entry.request);

test('l opens the pane (when the app can show logs) and the pane takes the keys; without a log feed l only asks', () => {
	const opened = run(start(), press('l'));
	assert.deepEqual(opened.logs?.target, {kind: 'job', uid: 'job-a'});
	assert.equal(keyContext(opened), 'logs');
	assert.deepEqual(requests(opened), [{kind: 'open-logs', target: {kind: 'job', uid: 'job-a'}, previous: false}]);
	const bare = run(start(), press('l', {}, false));
	assert.equal(bare.logs, undefined);
	assert.equal(keyContext(bare), 'jobs');
	// In the pane, `0` (all namespaces on a list) is not bound: nothing happens.
	assert.equal(run(opened, press('0')), opened);
});

test('k pauses and scrolls up, PgUp by a page, G follows again, g goes to the top', () => {
	let state = run(start(), press('l'), press('k'));
	assert.deepEqual({follow: state.logs?.pane.follow, offset: state.logs?.pane.offset, pausedAtSeq: state.logs?.pane.pausedAtSeq}, {follow: false, offset: 1, pausedAtSeq: 5});
	state = run(state, press('', {pageUp: true}));
	assert.equal(state.logs?.pane.offset, 3);
	state = run(state, press('G', {shift: true}));
	assert.deepEqual({follow: state.logs?.pane.follow, offset: state.logs?.pane.offset}, {follow: true, offset: 0});
	state = run(state, press('g'));
	assert.deepEqual({follow: state.logs?.pane.follow, offset: state.logs?.pane.offset}, {follow: false, offset: 3});
});

test('/ types a search term (n and N are letters then), Enter jumps to the newest hit, n and N step, Esc clears then closes', () => {
	let state = run(start(), press('l'), press('/'), press('n'), press('N', {shift: true}), press('', {backspace: true}), press('', {backspace: true}));
	assert.equal(state.logs?.pane.search.draft, '');
	state = run(state, ...[...'boom'].map(character => press(character)), press('', {return: true}));
	assert.deepEqual(state.logs?.pane.search, {term: 'boom', current: 4});
	state = run(state, press('n'));
	assert.equal(state.logs?.pane.search.current, 2);
	state = run(state, press('N', {shift: true}));
	assert.equal(state.logs?.pane.search.current, 4);
	state = run(state, press('m'), press('!'));
	assert.deepEqual({filter: state.logs?.pane.filter, invert: state.logs?.pane.invert}, {filter: true, invert: true});
	state = run(state, press('', {escape: true}));
	assert.deepEqual(state.logs?.pane.search, {term: ''});
	const before = state.nextSeq;
	state = run(state, press('', {escape: true}));
	assert.equal(state.logs, undefined);
	assert.equal(keyContext(state), 'jobs');
	assert.deepEqual(state.requests.filter(entry => entry.seq >= before).map(entry => entry.request), [{kind: 'close-logs'}]);
});

test('toggles, since presets reopen the streams, s saves, ? shows help over the pane and q closes the pane', () => {
	let state = run(start(), press('l'), press('w'), press('t'), press('J', {shift: true}), press('z'));
	assert.deepEqual(
		{wrap: state.logs?.pane.wrap, timestamps: state.logs?.pane.timestamps, json: state.logs?.pane.json, layout: state.logs?.pane.layout},
		{wrap: true, timestamps: true, json: true, layout: 'full'},
	);
	state = run(state, press('T', {shift: true}), press('s'));
	assert.equal(state.logs?.pane.since, 'all');
	// s asks for the path first: nothing is saved until Enter.
	assert.equal(state.logs?.pane.saveDraft, '');
	assert.equal(requests(state).length, 2);
	state = run(state, press('a'), press('u', {ctrl: true}), ...[...'x.log'].map(character => press(character)), press('', {return: true}));
	assert.equal(state.logs?.pane.saveDraft, undefined);
	assert.deepEqual(requests(state).slice(1), [
		{kind: 'open-logs', target: {kind: 'job', uid: 'job-a'}, previous: false, since: 'all'},
		{kind: 'save-logs', timestamps: true, path: 'x.log'},
	]);
	state = run(state, press('?'));
	assert.equal(keyContext(state), 'help');
	state = run(state, press('', {escape: true}));
	assert.equal(keyContext(state), 'logs');
	state = run(state, press('q'));
	assert.deepEqual({logs: state.logs, quit: state.quit}, {logs: undefined, quit: false});
});

test('c cycles a pod\'s containers (the default first) and reopens the streams; with one container it only says so', () => {
	const podPress = (input: string, containers?: readonly string[]): UiAction => ({type: 'key-press', input, key: {}, rows: ['pod-a'], page: 5, now, live, logs: {...logs, ...(containers ? {containers} : {})}});
	const pods = initialUiState({view: 'pods', namespace: undefined, handlesRequests: true});
	let state = run(pods, podPress('l'), podPress('c', ['app', 'sidecar']));
	assert.equal(state.logs?.container, 'app');
	state = run(state, podPress('c', ['app', 'sidecar']), podPress('c', ['app', 'sidecar']));
	assert.equal(state.logs?.container, undefined);
	assert.deepEqual(requests(state).slice(1), [
		{kind: 'open-logs', target: {kind: 'pod', uid: 'pod-a'}, previous: false, since: 'tail-1000', container: 'app'},
		{kind: 'open-logs', target: {kind: 'pod', uid: 'pod-a'}, previous: false, since: 'tail-1000', container: 'sidecar'},
		{kind: 'open-logs', target: {kind: 'pod', uid: 'pod-a'}, previous: false, since: 'tail-1000'},
	]);
	const single = run(pods, podPress('l'), podPress('c'));
	assert.deepEqual(single.logs?.pane.notice, {text: 'one container only', tone: 'muted'});
	assert.equal(single.requests.length, 1);
});

test('a pane notice lasts until the next pane key', () => {
	const state = run(start(), press('l'), press('c'));
	assert.deepEqual(state.logs?.pane.notice, {text: 'one container only', tone: 'muted'});
	assert.equal(run(state, press('w')).logs?.pane.notice, undefined);
});
