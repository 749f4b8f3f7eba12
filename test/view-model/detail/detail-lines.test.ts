import assert from 'node:assert/strict';
import {test} from 'node:test';
import {conditionLines, eventLines} from '../../../source/view-model/detail/detail-lines.js';

test('event and condition lines line up as columns', () => {
	const events = [
		{uid: '1', age: '4m2s', type: 'Normal', reason: 'SuccessfulCreate', object: 'job/etl', message: 'Created pod: etl-x', count: 1},
		{uid: '2', age: '12s', type: 'Warning', reason: 'BackOff', object: 'pod/etl-x', message: 'Back-off restarting', count: 3},
	];
	assert.deepEqual(eventLines(events).map(line => [line.text, line.tone]), [
		['Events', undefined],
		['  4m2s  Normal   SuccessfulCreate  job/etl    Created pod: etl-x', 'normal'],
		['  12s   Warning  BackOff           pod/etl-x  Back-off restarting (×3)', 'warning'],
	]);
	const conditions = [
		{type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', age: '3m', message: 'limit'},
		{type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', age: '3m', message: 'limit'},
	];
	assert.deepEqual(conditionLines(conditions).map(line => line.text), [
		'Conditions',
		'  FailureTarget=True  BackoffLimitExceeded  3m  limit',
		'  Failed=True         BackoffLimitExceeded  3m  limit',
	]);
});
