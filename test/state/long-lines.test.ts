import assert from 'node:assert/strict';
import {test} from 'node:test';
import {screenData} from '../../source/state/screen-model.js';
import type {Screen, UiState} from '../../source/state/types.js';
import {initialUiState} from '../../source/state/ui-state.js';
import {createTableEngine} from '../../source/view-model/table/engine.js';
import {longDetailLines, longTextLines, wrapCells} from '../../source/view-model/long-lines.js';
import {describeLineTone} from '../../source/view-model/describe/line-tone.js';
import {makeEvent, makeJob, makePod, now} from '../helpers/builders.js';
import {makeSnapshot} from '../helpers/snapshots.js';

const job = makeJob('broken-image', {started: -300, active: 1});
const message = 'Back-off pulling image "registry.example.test/team/missing-image:1.0": ErrImagePull: manifest unknown';
const pod = makePod(job, 'b4d1m', {created: -300, phase: 'Pending', waiting: {reason: 'ImagePullBackOff', message}});
const snapshot = makeSnapshot({jobs: [job], pods: [pod], events: [makeEvent(pod, 'Failed', `Failed to pull image: ${message}`, -20, 'Warning')]});
const engine = createTableEngine();

function at(screen: Screen, how: Partial<Pick<UiState, 'wrap' | 'shift'>>): UiState {
	const start = initialUiState({namespace: 'default', handlesRequests: true});
	return {...start, ...how, stack: [...start.stack, {screen, index: 0, scroll: 0}]};
}

const texts = (state: UiState, width: number): string[] => {
	const {model} = screenData(engine, state, snapshot, now, width);
	return model.kind === 'text' ? [...model.lines] : (model.kind === 'pod-detail' ? model.lines.map((line) => line.text) : []);
};

test('w wraps the pod detail so the whole image-pull error can be read at 60 columns', () => {
	const wrapped = texts(at({id: 'pod-detail', uid: pod.metadata.uid!}, {wrap: true}), 60);
	assert.ok(wrapped.every((line) => [...line].length <= 60));
	assert.ok(wrapped.join('').includes(`Message: ${message}`), wrapped.join('\n'));
	// Unwrapped, the message is one line wider than the screen: the screen cuts it at the edge.
	const cut = texts(at({id: 'pod-detail', uid: pod.metadata.uid!}, {}), 60);
	assert.ok([...cut.find((line) => line.includes('Message: '))!].length > 60);
});

test('→ shifts describe\'s lines left so what lies past the edge shows; w wraps them instead', () => {
	const describe: Screen = {id: 'describe', target: {kind: 'pod', uid: pod.metadata.uid!}};
	const plain = texts(at(describe, {}), 60);
	const shifted = texts(at(describe, {shift: 16}), 60);
	assert.equal(shifted.length, plain.length);
	assert.deepEqual(shifted.slice(0, 3), plain.slice(0, 3).map((line) => [...line].slice(16).join('')));
	const wrapped = texts(at(describe, {wrap: true}), 60);
	assert.ok(wrapped.length > plain.length);
	assert.ok(wrapped.join('').includes('manifest unknown'));
	// The Warning event stands out among the rows of the Events table.
	const warning = plain.find((line) => line.includes('Failed to pull image'));
	assert.equal(describeLineTone(warning ?? ''), 'warning');
	assert.equal(describeLineTone('  Normal   Scheduled  5m  default-scheduler  Successfully assigned'), undefined);
});

test('wrapping cuts at the width by cells and keeps a wrapped detail line\'s tone on every row', () => {
	assert.deepEqual(wrapCells('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
	assert.deepEqual(wrapCells('', 4), ['']);
	assert.deepEqual(longTextLines(['a\tb', 'xy'], 3, {wrap: true, shift: 0}), ['a  ', 'b', 'xy']);
	assert.deepEqual(longDetailLines([{key: 'm', text: 'abcdef', tone: 'warning'}], 4, {wrap: true, shift: 0}), [{key: 'm', text: 'abcd', tone: 'warning'}, {key: 'm~1', text: 'ef', tone: 'warning'}]);
	assert.deepEqual(longDetailLines([{key: 'm', text: 'abcdef'}], 4, {wrap: false, shift: 2}), [{key: 'm', text: 'cdef'}]);
});
