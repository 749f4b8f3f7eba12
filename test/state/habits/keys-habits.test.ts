import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {KeyPress} from '../../../source/state/keys/keys.js';
import type {LogKeyContext, UiState} from '../../../source/state/types.js';
import type {UiAction} from '../../../source/state/ui-actions.js';
import {uiReducer} from '../../../source/state/ui-reducer.js';
import {currentEntry, initialUiState, keyContext} from '../../../source/state/ui-state.js';
import type {LogEntry} from '../../../source/store/log-buffer.js';
import {liveOf} from '../../helpers/live.js';

const now = 5000;
const line = (seq: number, text: string): LogEntry => ({kind: 'line', seq, podUid: 'p', podName: 'pi-1', tag: '#1', container: 'main', text, cut: 0});
const entries = [line(1, 'boom zero'), line(2, 'boom one'), line(3, 'middle'), line(4, 'boom two'), line(5, 'end')];
const logs: LogKeyContext = {bounds: {newestSeq: 5, maxOffset: 3, minOffset: 0}, page: 2, entries};
const live = liveOf();
const press = (input: string, key: KeyPress = {}, rows: readonly string[] = ['job-a']): UiAction => ({
	type: 'key-press', input, key, rows, page: 5, now, live, logs, names: {namespaces: ['batch', 'default'], contexts: ['kind-kjobs', 'prod']},
});
const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(uiReducer, state);
const start = () => initialUiState({namespace: 'default', handlesRequests: true});
const typed = (text: string) => [...text].map((character) => press(character));
const enter = press('', {return: true});

test('q goes back from detail, describe, YAML and help, and quits only from a top-level list', () => {
	let state = run(start(), enter, press('d', {}, ['pod-1']));
	assert.deepEqual(state.stack.map((entry) => entry.screen.id), ['jobs', 'job-detail', 'describe']);
	state = run(state, press('q'));
	assert.deepEqual(state.stack.map((entry) => entry.screen.id), ['jobs', 'job-detail']);
	assert.equal(state.quit, false);
	state = run(state, press('y', {}, ['pod-1']), press('q'));
	assert.equal(currentEntry(state).screen.id, 'job-detail');
	state = run(state, press('?'), press('q'));
	assert.equal(currentEntry(state).screen.id, 'job-detail');
	state = run(state, press('q'));
	assert.deepEqual(state.stack.map((entry) => entry.screen.id), ['jobs']);
	assert.equal(state.quit, false);
	assert.equal(run(state, press('q')).quit, true);
	// Ctrl+C and :q quit from any depth.
	const deep = run(start(), enter, press('d', {}, ['pod-1']));
	assert.equal(run(deep, press('c', {ctrl: true})).quit, true);
	assert.equal(run(deep, press(':'), ...typed('q'), enter).quit, true);
	assert.equal(run(run(start(), enter), press(':'), ...typed('q'), enter).quit, true);
});

test('q closes the log pane (its streams too) and does not quit; the list under it then quits', () => {
	let state = run(start(), press('l'));
	assert.equal(keyContext(state), 'logs');
	state = run(state, press('/'), ...typed('boom'), enter, press('q'));
	assert.equal(state.logs, undefined);
	assert.equal(state.quit, false);
	assert.equal(state.requests.at(-1)?.request.kind, 'close-logs');
	assert.equal(run(state, press('q')).quit, true);
	// Ctrl+C quits with the pane open.
	assert.equal(run(start(), press('l'), press('c', {ctrl: true})).quit, true);
});

test('in the log pane n goes to the next match down (newer), N up (older), as in less and vim', () => {
	let state = run(start(), press('l'), press('/'), ...typed('boom'), enter);
	// Enter lands on the newest hit, where a following pane is.
	assert.equal(state.logs?.pane.search.current, 4);
	state = run(state, press('N', {shift: true}));
	assert.equal(state.logs?.pane.search.current, 2);
	state = run(state, press('N', {shift: true}));
	assert.equal(state.logs?.pane.search.current, 1);
	state = run(state, press('n'));
	assert.equal(state.logs?.pane.search.current, 2);
	state = run(state, press('n'), press('n'));
	// Past the last hit n wraps round to the first, as vim does.
	assert.equal(state.logs?.pane.search.current, 1);
});

test('/ starts an empty filter, so typing never appends to the old one; Ctrl+U clears the line', () => {
	let state = run(start(), press('/'), ...typed('flood'), enter);
	assert.equal(state.filter, 'flood');
	state = run(state, press('/'));
	assert.equal(state.mode, 'filter');
	assert.equal(state.filter, '');
	state = run(state, ...typed('json'), enter);
	assert.equal(state.filter, 'json');
	state = run(state, press('/'), ...typed('abc'), press('u', {ctrl: true}));
	assert.equal(state.filter, '');
	assert.equal(state.mode, 'filter');
	// Ctrl+U on the command line and in the log pane's search line too.
	const command = run(start(), press(':'), ...typed('pods'), press('u', {ctrl: true}));
	assert.deepEqual({mode: command.mode, command: command.command}, {mode: 'command', command: ''});
	const search = run(start(), press('l'), press('/'), ...typed('boom'), press('u', {ctrl: true}));
	assert.equal(search.logs?.pane.search.draft, '');
	// The log search also starts empty.
	const again = run(start(), press('l'), press('/'), ...typed('boom'), enter, press('/'));
	assert.equal(again.logs?.pane.search.draft, '');
});

test('a filter belongs to the list it was typed on: switching views with : leaves it behind', () => {
	let state = run(start(), press('/'), ...typed('flood'), enter);
	state = run(state, press(':'), ...typed('pods'), enter);
	assert.equal(currentEntry(state).screen.id, 'pods');
	assert.equal(state.filter, '');
	// Drilling into a row and coming back keeps the list's filter.
	state = run(state, press('/'), ...typed('pi'), enter, enter, press('', {escape: true}));
	assert.equal(state.filter, 'pi');
});

test(':ns alone opens a namespace list (all first, the current one chosen); j/k move, Enter switches, Esc leaves it', () => {
	let state = run(start(), press(':'), ...typed('ns'), enter);
	assert.deepEqual(state.picker, {kind: 'namespace', choices: ['all', 'batch', 'default'], index: 2});
	assert.equal(keyContext(state), 'picker');
	state = run(state, press('k'));
	assert.equal(state.picker?.index, 1);
	// Keys go to the list: q leaves it rather than quitting, and l does not open logs.
	assert.equal(run(state, press('q')).picker, undefined);
	assert.equal(run(state, press('q')).quit, false);
	assert.equal(run(state, press('l')).logs, undefined);
	state = run(state, enter);
	assert.equal(state.picker, undefined);
	assert.equal(state.namespace, 'batch');
	assert.deepEqual(state.requests.at(-1)?.request, {kind: 'set-namespace', namespace: 'batch'});
	const all = run(state, press(':'), ...typed('ns'), enter, press('g'), enter);
	assert.equal(all.namespace, undefined);
	const left = run(start(), press(':'), ...typed('ns'), enter, press('j'), press('', {escape: true}));
	assert.deepEqual({picker: left.picker, namespace: left.namespace, requests: left.requests.length}, {picker: undefined, namespace: 'default', requests: 0});
});

test(':ctx alone opens the kubeconfig\'s contexts; Enter asks for the switch', () => {
	let state = run(start(), press(':'), ...typed('ctx'), enter);
	assert.deepEqual(state.picker, {kind: 'context', choices: ['kind-kjobs', 'prod'], index: 0});
	state = run(state, press('', {downArrow: true}), press('j'), enter);
	assert.equal(state.picker, undefined);
	assert.deepEqual(state.requests.at(-1)?.request, {kind: 'switch-context', name: 'prod'});
	assert.equal(run(start(), press(':'), ...typed('ctx'), enter, press('c', {ctrl: true})).quit, true);
});
