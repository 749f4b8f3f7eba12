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

test('at 80 columns the extras drop first, then names are cut before any other column goes', () => {
	const fitted = fitColumns(columns, 80);
	assert.equal(summary(fitted), 'namespace:9 name:16 status:10 completions:11 retry:8 failed:6 duration:8 age:5');
	assert.equal(used(fitted), 80);
});

// The Jobs columns as the app sizes them with -A: NAME reads well at 20 cells, STATUS at 28, FAILED at 12.
const jobsColumns = (longestName: number): Column[] => [
	{id: 'namespace', title: 'NAMESPACE', minWidth: 9, maxWidth: 9, priority: 2},
	{id: 'name', title: 'NAME ▲', minWidth: 12, maxWidth: longestName, priority: 0, want: 20},
	{id: 'status', title: 'STATUS', minWidth: 10, maxWidth: 28, priority: 0, want: 28},
	{id: 'completions', title: 'COMPLETIONS', minWidth: 11, maxWidth: 11, priority: 1},
	{id: 'active', title: 'ACTIVE', minWidth: 6, maxWidth: 6, priority: 6},
	{id: 'failed', title: 'FAILED', minWidth: 6, maxWidth: 12, priority: 4, want: 12},
	{id: 'retry', title: 'RETRY', minWidth: 8, maxWidth: 8, priority: 2},
	{id: 'deadline', title: 'DEADLINE', minWidth: 8, maxWidth: 8, priority: 4},
	{id: 'ttl', title: 'TTL', minWidth: 8, maxWidth: 8, priority: 3},
	{id: 'duration', title: 'DURATION', minWidth: 8, maxWidth: 8, priority: 5},
	{id: 'age', title: 'AGE', minWidth: 5, maxWidth: 5, priority: 2},
	{id: 'cronjob', title: 'CRONJOB', minWidth: 7, maxWidth: 23, priority: 6},
];

test('one long name changes no column: the set depends on the width alone, the name is cut instead', () => {
	const ids = (fitted: ReturnType<typeof fitColumns>) => fitted.map((column) => column.id).join(' ');
	for (const width of [80, 100, 120, 160]) {
		assert.equal(ids(fitColumns(jobsColumns(64), width)), ids(fitColumns(jobsColumns(14), width)), `at ${width}`);
	}

	assert.equal(summary(fitColumns(jobsColumns(64), 120)), 'namespace:9 name:23 status:28 completions:11 failed:12 retry:8 deadline:8 ttl:8 age:5');
	assert.equal(summary(fitColumns(jobsColumns(64), 160)), 'namespace:9 name:39 status:28 completions:11 active:6 failed:12 retry:8 deadline:8 ttl:8 duration:8 age:5 cronjob:7');
	// At 80 in one namespace the name is cut to its minimum and STATUS, FAILED, TTL, DEADLINE and AGE all stay.
	assert.equal(summary(fitColumns(jobsColumns(64).slice(1), 80)), 'name:12 status:15 completions:11 failed:6 retry:8 deadline:8 ttl:8 age:5');
});

test('wide keeps every column, at least at its minimum, however narrow the terminal', () => {
	const wide = fitColumns(jobsColumns(64), 120, {wide: true});
	assert.equal(wide.length, 12);
	assert.equal(summary(wide), 'namespace:9 name:12 status:21 completions:11 active:6 failed:6 retry:8 deadline:8 ttl:8 duration:8 age:5 cronjob:7');
	assert.equal(fitColumns(jobsColumns(64), 80, {wide: true}).length, 12);
});

test('a wide terminal gives every column its maximum', () => {
	const fitted = fitColumns(columns, 200);
	assert.equal(summary(fitted), 'namespace:12 name:30 status:28 completions:11 retry:8 failed:6 duration:8 age:5 cronjob:20');
});

test('very narrow: only NAME and STATUS, squeezed to fit', () => {
	assert.equal(summary(fitColumns(columns, 30)), 'name:19 status:10');
	assert.equal(summary(fitColumns(columns, 15)), 'name:7 status:7');
});
