import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {StoreView} from '../../source/store/types.js';
import {connectionProblem, headerScope, watchSummary} from '../../source/view-model/header.js';
import {createTableEngine} from '../../source/view-model/table/engine.js';
import {condition, makeJob, makePod, now} from '../helpers/builders.js';
import {makeSnapshot} from '../helpers/snapshots.js';

// Each view comes from a store of its own, so each gets an engine of its own.
const headerCounts = (snapshot: StoreView) => createTableEngine().headerCounts(snapshot);

test('headerCounts: the total always, then the non-zero states', () => {
	assert.equal(headerCounts(makeSnapshot({})), '0 jobs');
	const running = makeJob('a', {started: -10, active: 1});
	const backingOff = makeJob('b', {started: -60, failed: 1});
	const failed = makeJob('c', {failed: 7, conditions: [condition('Failed', -5, 'BackoffLimitExceeded')]});
	const failing = makeJob('d', {failed: 7, conditions: [condition('FailureTarget', -5, 'BackoffLimitExceeded')]});
	const complete = makeJob('e', {succeeded: 1, conditions: [condition('Complete', -5)]});
	const suspended = makeJob('f', {suspend: true, conditions: [condition('Suspended', -5)]});
	const gone = makeJob('g', {started: -10, active: 1});
	const snapshot = makeSnapshot({
		jobs: [running, backingOff, failed, failing, complete, suspended],
		pods: [makePod(running, 'r', {phase: 'Running'}), makePod(backingOff, 'x', {phase: 'Failed', created: -50, finished: -3})],
		deleted: [{object: gone, deletedAt: now - 1000}],
	});
	assert.equal(headerCounts(snapshot), '6 jobs · 1 running · 1 backing off · 2 failed · 1 suspended');
	assert.equal(headerCounts(makeSnapshot({jobs: [running]})), '1 job · 1 running');
});

test('watchSummary: each kind\'s state in words, with the reconnect countdown', () => {
	assert.equal(watchSummary(makeSnapshot({}), now), 'jobs live · cronjobs live · pods live · events live');
	const snapshot = makeSnapshot({watch: {
		cronjobs: {phase: 'connecting'},
		pods: {phase: 'reconnecting', nextAttemptAt: now + 3200, attempt: 3, error: 'socket hang up'},
		events: {phase: 'forbidden', message: 'events is forbidden: User "dev" cannot list resource "events"'},
	}});
	assert.equal(watchSummary(snapshot, now), 'jobs live · cronjobs connecting · pods reconnecting — next try in 4s · events forbidden');
	const failed = makeSnapshot({watch: {jobs: {phase: 'failed', error: 'no route to host'}, pods: {phase: 'reconnecting', nextAttemptAt: now, attempt: 1, error: 'x'}}});
	assert.equal(watchSummary(failed, now), 'jobs failed: no route to host · cronjobs live · pods reconnecting — trying now · events live');
});

test('connectionProblem names each problem once with its kinds and the earliest next attempt', () => {
	const unreachable = 'cannot reach https://api.example.test:6443: connection refused';
	const snapshot = makeSnapshot({watch: {
		jobs: {phase: 'reconnecting', nextAttemptAt: now + 4000, attempt: 2, error: unreachable},
		cronjobs: {phase: 'reconnecting', nextAttemptAt: now + 6000, attempt: 2, error: unreachable},
		pods: {phase: 'live', since: now},
		events: {phase: 'forbidden', message: 'events is forbidden: User "dev" cannot list resource "events" in API group "" in the namespace "batch"'},
	}});
	assert.equal(connectionProblem(snapshot, now), `⚠ jobs, cronjobs: ${unreachable} — next try in 4s · events: events is forbidden: User "dev" cannot list resource "events" in API group "" in the namespace "batch"`);
	assert.equal(connectionProblem(snapshot, now + 4000), `⚠ jobs, cronjobs: ${unreachable} — trying now · events: events is forbidden: User "dev" cannot list resource "events" in API group "" in the namespace "batch"`);
	assert.equal(connectionProblem(makeSnapshot({}), now), undefined);
});

test('headerScope: context and namespace, then any active filter (so it shows on every screen), then the server', () => {
	assert.equal(headerScope({context: 'kind-kjobs', namespace: 'batch', filter: '', server: 'https://api.example.test'}), 'ctx kind-kjobs · ns batch · https://api.example.test');
	assert.equal(headerScope({context: 'kind-kjobs', namespace: undefined, filter: 'floodfa', server: 'https://api.example.test'}), 'ctx kind-kjobs · ns all · filter "floodfa" · https://api.example.test');
	// A -l selector shows on every screen too, before the filter, so a short list says why it is short.
	assert.equal(
		headerScope({context: 'kind-kjobs', namespace: 'batch', selector: 'team=data,tier!=dev', filter: 'export', server: 'https://api.example.test'}),
		'ctx kind-kjobs · ns batch · -l team=data,tier!=dev · filter "export" · https://api.example.test',
	);
	assert.equal(headerScope({context: 'c', namespace: 'batch', selector: 'a=\u001B[2Jb', filter: '', server: 's'}), 'ctx c · ns batch · -l a=␛[2Jb · s');
});
