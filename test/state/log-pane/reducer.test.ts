import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialLogPaneState, logPaneReducer, type LogPaneAction} from '../../../source/state/log-pane/reducer.js';
import {sinceOptions} from '../../../source/view-model/logs/types.js';
import type {LogPaneState} from '../../../source/view-model/logs/types.js';

const bounds = {newestSeq: 50, maxOffset: 40, minOffset: 0};
const run = (actions: LogPaneAction[], from: LogPaneState = initialLogPaneState()) => actions.reduce(logPaneReducer, from);

test('the toggles flip one thing each; the layout switches between split and full screen', () => {
	const state = run([{type: 'toggle-wrap'}, {type: 'toggle-timestamps'}, {type: 'toggle-json'}, {type: 'toggle-layout'}]);
	assert.deepEqual([state.wrap, state.timestamps, state.json, state.layout], [true, true, true, 'full']);
	assert.equal(run([{type: 'toggle-layout'}], state).layout, 'split');
});

test('since presets cycle and restart following from a fresh buffer; their request options', () => {
	const paused = run([{type: 'scroll', delta: 5, bounds}]);
	assert.deepEqual([paused.follow, paused.anchor, paused.offset, paused.pausedAtSeq], [false, {seq: 50, align: 'bottom'}, 5, 50]);
	const next = run([{type: 'set-since'}], paused);
	assert.deepEqual([next.since, next.follow, next.anchor, next.offset], ['all', true, undefined, 0]);
	assert.equal(run([{type: 'set-since', preset: 'last-1h'}, {type: 'set-since'}]).since, 'tail-100');
	assert.deepEqual(['tail-100', 'tail-1000', 'all', 'last-1m', 'last-5m', 'last-1h'].map(preset => sinceOptions(preset as never)), [
		{tailLines: 100}, {tailLines: 1000}, {}, {sinceSeconds: 60}, {sinceSeconds: 300}, {sinceSeconds: 3600},
	]);
});

test('typing a search: backspace, cancel keeps the old term, an empty submit clears the term and the filter', () => {
	let state = run([{type: 'search-start'}, {type: 'search-type', text: 'ab'}, {type: 'search-type', text: 'c'}, {type: 'search-backspace'}]);
	assert.equal(state.search.draft, 'ab');
	state = run([{type: 'search-submit', matches: [3, 9], bounds}, {type: 'toggle-filter'}], state);
	assert.deepEqual([state.search, state.filter, state.follow, state.anchor], [{term: 'ab', current: 9}, true, false, {seq: 9, align: 'center'}]);
	state = run([{type: 'search-start'}, {type: 'search-type', text: 'zz'}, {type: 'search-cancel'}], state);
	assert.deepEqual(state.search, {term: 'ab', current: 9});
	state = run([{type: 'search-start'}, {type: 'search-submit', matches: [], bounds}], state);
	assert.deepEqual([state.search, state.filter], [{term: ''}, false]);
	// Stepping with no matches changes nothing; typing outside the prompt is ignored.
	assert.equal(logPaneReducer(state, {type: 'search-step', direction: 'older', matches: [], bounds}), state);
	assert.equal(logPaneReducer(state, {type: 'search-type', text: 'x'}), state);
});

test('g jumps to the top, pause pins the view, follow resumes; scrolling down while following does nothing', () => {
	const top = run([{type: 'top', bounds}]);
	assert.deepEqual([top.follow, top.offset], [false, 40]);
	assert.equal(run([{type: 'follow'}], top).follow, true);
	const following = initialLogPaneState();
	assert.equal(logPaneReducer(following, {type: 'scroll', delta: -3, bounds}), following);
	assert.deepEqual(run([{type: 'pause', bounds}]).anchor, {seq: 50, align: 'bottom'});
	const noticed = run([{type: 'notice', text: 'saved ./kjobs-pi.log', tone: 'success'}]);
	assert.deepEqual(noticed.notice, {text: 'saved ./kjobs-pi.log', tone: 'success'});
	assert.equal(run([{type: 'clear-notice'}], noticed).notice, undefined);
});
