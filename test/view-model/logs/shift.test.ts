import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialLogPaneState, logPaneReducer} from '../../../source/state/log-pane/reducer.js';
import {createManualClock} from '../../../source/store/clock.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import type {LogViewModel} from '../../../source/view-model/logs/types.js';
import {logView} from '../../../source/view-model/logs/view.js';

const pod = {podUid: 'u1', podName: 'pi-aaaaa', tag: ''};
const shown = (view: LogViewModel) => view.rows.map(row => row.segments.map(segment => segment.text).join(''));
const status = (view: LogViewModel) => view.status.map(part => part.text).join(' · ');
const error = 'Failed to pull image "registry.example.test/team/app:v9": rpc error: code = NotFound desc = manifest unknown';

test('the log pane scrolls long lines sideways (→ ←) when unwrapped, so their end can be read; w wraps them instead', () => {
	const buffer = new LogBuffer({clock: createManualClock(0)});
	buffer.append({kind: 'line', ...pod, container: 'main', text: error, cut: 0});
	buffer.append({kind: 'marker', ...pod, severity: 'warning', text: `pod event: ${error}`});
	let state = initialLogPaneState();
	const frame = () => logView(buffer.getSnapshot(), state, 40, 4);
	assert.deepEqual(shown(frame()), [`${error.slice(0, 39)}…`, `▲ pod event: ${error.slice(0, 26)}…`]);
	state = logPaneReducer(state, {type: 'shift', delta: 80});
	const marker = `▲ pod event: ${error}`.slice(80);
	assert.deepEqual(shown(frame()), [error.slice(80), marker.length > 40 ? `${marker.slice(0, 39)}…` : marker]);
	assert.match(status(frame()), /→80/);
	state = logPaneReducer(state, {type: 'shift', delta: -100});
	assert.equal(state.shift, undefined);
	state = logPaneReducer(logPaneReducer(state, {type: 'shift', delta: 16}), {type: 'toggle-wrap'});
	assert.equal(state.shift, undefined);
	const tall = logView(buffer.getSnapshot(), state, 40, 9);
	const event = `▲ pod event: ${error}`;
	assert.deepEqual(shown(tall), [error.slice(0, 40), error.slice(40, 80), error.slice(80), event.slice(0, 40), event.slice(40, 80), event.slice(80, 120), event.slice(120)].filter(Boolean));
});
