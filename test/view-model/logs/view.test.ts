import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createManualClock} from '../../../source/store/clock.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import {logPaneReducer, initialLogPaneState, type LogPaneAction} from '../../../source/state/log-pane/reducer.js';
import {logMatchSeqs} from '../../../source/view-model/logs/search.js';
import type {LogPaneState, LogViewModel} from '../../../source/view-model/logs/types.js';
import {logView} from '../../../source/view-model/logs/view.js';

const pod = {podUid: 'u1', podName: 'pi-aaaaa', tag: ''};
// These tests read snapshots; notifications (on this clock's timers) matter only to the coalescing test.
const clock = createManualClock(0);

function filled(count: number, text = (i: number) => `line ${i}`, capacity?: number): LogBuffer {
	const buffer = new LogBuffer({capacity, clock});
	for (let i = 1; i <= count; i++) {
		buffer.append({kind: 'line', ...pod, container: 'main', time: Date.UTC(2026, 0, 1, 12, 0, i), timeText: `2026-01-01T12:00:${String(i).padStart(2, '0')}.000000000Z`, text: text(i), cut: 0});
	}

	return buffer;
}

/** The text of the rows of a frame. */
const shown = (view: LogViewModel) => view.rows.map(row => `${row.tag ? `${row.tag.text} ` : ''}${row.time ? `${row.time} ` : ''}${' '.repeat(row.indent)}${row.segments.map(segment => segment.text).join('')}`);
const status = (view: LogViewModel) => view.status.map(part => part.text).join(' · ');

/** A small harness: the reducer plus logView at 40×5 (4 rows and the status line). */
function pane(buffer: LogBuffer, state: LogPaneState = initialLogPaneState()) {
	let current = state;
	const frame = () => logView(buffer.getSnapshot(), current, 40, 5);
	return {
		frame,
		dispatch(make: (view: LogViewModel) => LogPaneAction) {
			current = logPaneReducer(current, make(frame()));
		},
		get state() {
			return current;
		},
	};
}

test('following shows the tail; scrolling up pauses and pins the view while lines keep coming; G resumes', () => {
	const buffer = filled(20);
	const p = pane(buffer);
	assert.deepEqual(shown(p.frame()), ['line 17', 'line 18', 'line 19', 'line 20']);
	assert.equal(status(p.frame()), 'following · tail 1000');
	p.dispatch(view => ({type: 'scroll', delta: 3, bounds: view.scroll}));
	assert.deepEqual(shown(p.frame()), ['line 14', 'line 15', 'line 16', 'line 17']);
	for (let i = 21; i <= 140; i++) {
		buffer.append({kind: 'line', ...pod, container: 'main', text: `line ${i}`, cut: 0});
	}

	assert.deepEqual(shown(p.frame()), ['line 14', 'line 15', 'line 16', 'line 17']);
	assert.equal(status(p.frame()), 'paused · 120 new lines · tail 1000');
	p.dispatch(() => ({type: 'follow'}));
	assert.deepEqual(shown(p.frame()), ['line 137', 'line 138', 'line 139', 'line 140']);
	assert.equal(p.state.follow, true);
});

test('scrolling is clamped at the top, and scrolling back down to the newest line resumes following', () => {
	const p = pane(filled(6));
	p.dispatch(view => ({type: 'scroll', delta: 50, bounds: view.scroll}));
	assert.deepEqual(shown(p.frame()), ['line 1', 'line 2', 'line 3', 'line 4']);
	assert.equal(p.state.offset, 2);
	p.dispatch(view => ({type: 'scroll', delta: -1, bounds: view.scroll}));
	assert.deepEqual(shown(p.frame()), ['line 2', 'line 3', 'line 4', 'line 5']);
	assert.equal(p.state.follow, false);
	p.dispatch(view => ({type: 'scroll', delta: -1, bounds: view.scroll}));
	assert.equal(p.state.follow, true);
	assert.deepEqual(shown(p.frame()), ['line 3', 'line 4', 'line 5', 'line 6']);
});

test('search jumps to the newest hit with the lines around it; n goes older, N newer, wrapping', () => {
	const buffer = filled(30, i => (i % 10 === 0 ? `ERROR at step ${i}` : `step ${i}`));
	const p = pane(buffer);
	p.dispatch(() => ({type: 'search-start'}));
	for (const ch of 'error') {
		p.dispatch(() => ({type: 'search-type', text: ch}));
	}

	assert.equal(status(p.frame()), 'following · /error▏ · tail 1000');
	const matches = () => logMatchSeqs(buffer.getSnapshot().entries, p.state.search.term || (p.state.search.draft ?? ''));
	p.dispatch(view => ({type: 'search-submit', matches: matches(), bounds: view.scroll}));
	// Centered on the hit: context stays visible around it.
	assert.deepEqual(shown(p.frame()), ['step 27', 'step 28', 'step 29', 'ERROR at step 30']);
	assert.equal(status(p.frame()), 'paused · /error · 3/3 · n down · N up · tail 1000');
	p.dispatch(view => ({type: 'search-step', direction: 'older', matches: matches(), bounds: view.scroll}));
	assert.deepEqual(shown(p.frame()), ['step 18', 'step 19', 'ERROR at step 20', 'step 21']);
	const hit = p.frame().rows[2]!.segments;
	assert.deepEqual(hit.map(segment => [segment.text, segment.match]), [['ERROR', 'current'], [' at step 20', undefined]]);
	p.dispatch(view => ({type: 'search-step', direction: 'older', matches: matches(), bounds: view.scroll}));
	p.dispatch(view => ({type: 'search-step', direction: 'older', matches: matches(), bounds: view.scroll}));
	assert.equal(status(p.frame()), 'paused · /error · 3/3 · n down · N up · tail 1000');
	p.dispatch(view => ({type: 'search-step', direction: 'newer', matches: matches(), bounds: view.scroll}));
	assert.equal(p.frame().matches.current, 1);
	assert.deepEqual(shown(p.frame()), ['step 8', 'step 9', 'ERROR at step 10', 'step 11']);
});

test('the filter shows only matching lines (and separators); ! shows only the others', () => {
	const buffer = new LogBuffer({clock});
	buffer.append({kind: 'separator', podUid: 'u1', podName: 'pi-aaaaa', tag: '#1', label: 'attempt 1', startedAt: Date.UTC(2026, 0, 1, 12, 1, 7)});
	for (const text of ['GET /health 200', 'GET /api 500', 'GET /health 200', 'POST /api 201']) {
		buffer.append({kind: 'line', podUid: 'u1', podName: 'pi-aaaaa', tag: '#1', container: 'main', text, cut: 0});
	}

	let state = logPaneReducer(initialLogPaneState(), {type: 'search-start'});
	state = logPaneReducer(state, {type: 'search-type', text: '/api'});
	state = logPaneReducer(state, {type: 'search-submit', matches: [], bounds: {newestSeq: 5, maxOffset: 0, minOffset: 0}});
	state = logPaneReducer(state, {type: 'toggle-filter'});
	const wide = (s: LogPaneState) => shown(logView(buffer.getSnapshot(), s, 60, 10));
	assert.deepEqual(wide(state), ['#1 ── attempt 1 · pi-aaaaa · started 12:01:07 ──────────────', '#1 GET /api 500', '#1 POST /api 201']);
	state = logPaneReducer(state, {type: 'toggle-invert'});
	assert.deepEqual(wide(state), ['#1 ── attempt 1 · pi-aaaaa · started 12:01:07 ──────────────', '#1 GET /health 200', '#1 GET /health 200']);
	assert.equal(status(logView(buffer.getSnapshot(), state, 60, 10)), 'following · //api · 2 matches · filter: not matching · tail 1000');
	state = logPaneReducer(state, {type: 'search-clear'});
	assert.equal(wide(state).length, 5);
});

test('the buffer keeps its capacity, counts what it dropped, and the status line says so', () => {
	const buffer = filled(12, undefined, 5);
	const snapshot = buffer.getSnapshot();
	assert.equal(snapshot.dropped, 7);
	assert.deepEqual(snapshot.entries.map(entry => entry.seq), [8, 9, 10, 11, 12]);
	assert.equal(status(logView(snapshot, initialLogPaneState(), 40, 5)), 'following · 7 dropped · tail 1000');
	const long = new LogBuffer({maxLineLength: 10, clock});
	long.append({kind: 'line', ...pod, container: 'main', text: 'x'.repeat(25), cut: 0});
	const entry = long.getSnapshot().entries[0]!;
	assert.deepEqual(entry.kind === 'line' ? [entry.text, entry.cut] : [], ['x'.repeat(10), 15]);
});

test('notifications are coalesced: a thousand appends, one notification per interval', () => {
	const clock = createManualClock(0);
	const buffer = new LogBuffer({clock, notifyIntervalMs: 100});
	let notified = 0;
	buffer.subscribe(() => notified++);
	for (let i = 0; i < 1000; i++) {
		buffer.append({kind: 'line', ...pod, container: 'main', text: `${i}`, cut: 0});
	}

	assert.equal(clock.pending(), 1);
	assert.equal(notified, 0);
	clock.advance(99);
	assert.equal(notified, 0);
	clock.advance(1);
	assert.equal(notified, 1);
	buffer.append({kind: 'line', ...pod, container: 'main', text: 'again', cut: 0});
	assert.equal(clock.pending(), 1);
});

test('timestamps, wrap and JSON pretty-printing', () => {
	const buffer = filled(1, () => '{"level":"info","msg":"hello \\u001b[2J world","n":1}');
	let state = logPaneReducer(initialLogPaneState(), {type: 'toggle-timestamps'});
	assert.deepEqual(shown(logView(buffer.getSnapshot(), state, 40, 3)), ['12:00:01.000 {"level":"info","msg":"hel…']);
	state = logPaneReducer(state, {type: 'toggle-wrap'});
	assert.deepEqual(shown(logView(buffer.getSnapshot(), state, 40, 4)), ['12:00:01.000 {"level":"info","msg":"hell', '             o \\u001b[2J world","n":1}']);
	state = logPaneReducer(state, {type: 'toggle-json'});
	assert.deepEqual(shown(logView(buffer.getSnapshot(), state, 40, 7)), [
		'12:00:01.000 {',
		'               "level": "info",',
		'               "msg": "hello \\u001b[2J w',
		'             orld",',
		'               "n": 1',
		'             }',
	]);
});
