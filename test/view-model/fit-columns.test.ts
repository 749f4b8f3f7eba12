import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fitColumns} from '../../source/view-model/fit-columns.js';
import type {Column} from '../../source/view-model/types.js';

const columns: Column[] = [
	{id: 'namespace', title: 'NAMESPACE', minWidth: 9, maxWidth: 12, priority: 2},
	{id: 'name', title: 'NAME', minWidth: 12, maxWidth: 30, priority: 0},
	{id: 'status', title: 'STATUS', minWidth: 10, maxWidth: 28, priority: 0},
	{id: 'completions', title: 'COMPLETIONS', minWidth: 11, maxWidth: 11, priority: 1},
	{id: 'retry', title: 'RETRY', minWidth: 8, maxWidth: 8, priority: 2},
	{id: 'failed', title: 'FAILED', minWidth: 6, maxWidth: 6, priority: 3},
	{id: 'duration', title: 'DURATION', minWidth: 8, maxWidth: 8, priority: 3},
	{id: 'age', title: 'AGE', minWidth: 5, maxWidth: 5, priority: 2},
	{id: 'cronjob', title: 'CRONJOB', minWidth: 7, maxWidth: 20, priority: 5},
];

const summary = (fitted: ReturnType<typeof fitColumns>) => fitted.map((column) => `${column.id}:${column.width}`).join(' ');
const used = (fitted: ReturnType<typeof fitColumns>) => fitted.reduce((sum, column) => sum + column.width, 0) + fitted.length - 1;

test('at 120 columns every column stays; NAME and STATUS grow to their full width, the rest to their minimum', () => {
	const fitted = fitColumns(columns, 120);
	assert.equal(summary(fitted), 'namespace:9 name:30 status:28 completions:11 retry:8 failed:6 duration:8 age:5 cronjob:7');
	assert.equal(used(fitted), 120);
});

test('at 80 columns the highest priority numbers drop first so NAME and STATUS keep a fair share', () => {
	const fitted = fitColumns(columns, 80);
	assert.equal(summary(fitted), 'namespace:9 name:24 status:24 completions:11 retry:8');
	assert.equal(used(fitted), 80);
});

test('a wide terminal gives every column its maximum', () => {
	const fitted = fitColumns(columns, 200);
	assert.equal(summary(fitted), 'namespace:12 name:30 status:28 completions:11 retry:8 failed:6 duration:8 age:5 cronjob:20');
});

test('very narrow: only NAME and STATUS, squeezed to fit', () => {
	assert.equal(summary(fitColumns(columns, 30)), 'name:19 status:10');
	assert.equal(summary(fitColumns(columns, 15)), 'name:7 status:7');
});
