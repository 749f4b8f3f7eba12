import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type DrawnScreen, pressKeys, viewFor} from '../../source/state/key-burst.js';
import {splitChunk} from '../../source/state/keys/keys.js';
import {layoutFor} from '../../source/state/layout.js';
import {measure} from '../../source/state/screen-measure.js';
import {screenData} from '../../source/state/screen-model.js';
import {currentEntry, initialUiState} from '../../source/state/ui-state.js';
import {createUiStore} from '../../source/state/ui-store.js';
import type {UiState} from '../../source/state/types.js';
import {createTableEngine} from '../../source/view-model/table/engine.js';
import {makeJob, makePod, now} from '../helpers/builders.js';
import {writable} from '../helpers/live.js';
import {makeSnapshot} from '../helpers/snapshots.js';

const [a, b, c] = ['a', 'b', 'c'].map((name) => makeJob(name, {namespace: 'ns', created: -60}));
const snapshot = makeSnapshot({jobs: [a!, b!, c!], pods: [makePod(b!, 'one', {created: -50}), makePod(b!, 'two', {created: -40})]});
const layout = layoutFor(100, 30);
const engine = createTableEngine();

// What the app's render draws for `state`, built the way use-screen builds it.
function drawn(state: UiState): DrawnScreen {
	const data = screenData(engine, state, snapshot, now, layout.width);
	const {page, info} = measure(data, layout);
	return {state, view: {rows: data.rowIds, page, now, live: {snapshot, access: writable}, ...(info ? {info} : {})}, snapshot, layout, disabled: {}, engine};
}

test('keys read at once see the rows of the state the previous key left, not the rows last drawn', () => {
	const store = createUiStore(initialUiState({namespace: undefined, handlesRequests: true}));
	// j and Enter: job b's screen, which shows its two pods.
	pressKeys(store, splitChunk('j\r'), drawn(store.getState()));
	const opened = store.getState();
	assert.deepEqual(currentEntry(opened).screen, {id: 'job-detail', uid: 'uid-b'});
	// Esc, j and Enter in one read, against what b's screen drew: back on the list, j moves from b to c, Enter opens c.
	pressKeys(store, [{input: '', key: {escape: true}}, ...splitChunk('j\r')], drawn(opened));
	assert.deepEqual(store.getState().stack.map((entry) => entry.screen), [{id: 'jobs'}, {id: 'job-detail', uid: 'uid-c'}]);
});

test('while the state draws the same rows the drawn view is used as it is; otherwise one is computed for it', () => {
	const state = initialUiState({namespace: undefined, handlesRequests: true});
	const screen = drawn(state);
	const moved = {...state, message: {text: 'x', tone: 'normal' as const, at: now}};
	assert.equal(viewFor(moved, screen), screen.view);
	const scoped = viewFor({...state, namespace: 'default'}, screen);
	assert.deepEqual(scoped.rows, []);
	assert.equal(scoped.live.snapshot.jobs.size, 0);
	assert.equal(scoped.live.access, writable);
	const filtered = viewFor({...state, filter: 'c'}, screen);
	assert.deepEqual(filtered.rows, ['uid-c']);
});

test('a delete dialog opened in the middle of a burst takes the keys after it: Ctrl+D, j and y delete job a in the foreground', () => {
	const store = createUiStore(initialUiState({namespace: undefined, handlesRequests: true}));
	pressKeys(store, splitChunk('\u0004jy'), drawn(store.getState()));
	const state = store.getState();
	assert.equal(state.dialog, undefined);
	assert.deepEqual(state.requests.map((entry) => entry.request), [{
		kind: 'action', target: {kind: 'job', uid: 'uid-a'},
		action: {kind: 'delete', resource: 'jobs', target: {namespace: 'ns', name: 'a', uid: 'uid-a'}, propagation: 'Foreground'},
	}]);
	assert.equal(currentEntry(state).selected, undefined);
});
