import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {EventLine} from '../../../source/view-model/detail/detail-parts.js';
import {warningLines} from '../../../source/view-model/detail/detail-lines.js';

const pullError = 'Failed to pull image "registry.example.test/team/does-not-exist:1.0": rpc error: code = NotFound desc = failed to resolve reference: not found';
const event = (uid: string, type: string, reason: string, message: string, count = 1): EventLine => ({uid, age: '4m', type, reason, object: 'pod/broken-image-977gf', message, count});

test('warningLines: the warnings among the events come first, each in full, wrapped to the width, newest first and once each', () => {
	const events = [
		event('1', 'Normal', 'Scheduled', 'Successfully assigned default/broken-image-977gf to sim-node-1'),
		event('2', 'Warning', 'Failed', pullError),
		event('3', 'Warning', 'Failed', 'Error: ErrImagePull', 10),
		event('4', 'Normal', 'BackOff', 'Back-off pulling image "registry.example.test/team/does-not-exist:1.0"'),
		event('5', 'Warning', 'Failed', 'Error: ImagePullBackOff', 10),
		event('6', 'Warning', 'Failed', pullError),
	];
	const lines = warningLines(events, 60);
	assert.deepEqual(lines.map((line) => line.text), [
		'Warnings (newest first; every event below)',
		'  Failed: Failed to pull image',
		'    "registry.example.test/team/does-not-exist:1.0": rpc',
		'    error: code = NotFound desc = failed to resolve',
		'    reference: not found',
		'  Failed: Error: ImagePullBackOff (×10)',
		'  Failed: Error: ErrImagePull (×10)',
	]);
	assert.ok(lines.slice(1).every((line) => line.tone === 'warning' && [...line.text].length <= 60));
	assert.equal(new Set(lines.map((line) => line.key)).size, lines.length);
	assert.deepEqual(warningLines(events.filter((line) => line.type === 'Normal'), 60), []);
});
