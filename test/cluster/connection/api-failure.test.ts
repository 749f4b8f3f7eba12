import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ApiFailureError, httpFailure, parseStatus, transportFailure} from '../../../source/cluster/connection/api-failure.js';
import {backoffDelay} from '../../../source/cluster/watch/loop.js';

const server = 'https://10.0.0.1:6443';

test('410 and the Expired reason mean relist', () => {
	assert.deepEqual(httpFailure(410, undefined, {}, 'watch jobs'), {kind: 'expired', message: 'watch jobs: resource version expired'});
	assert.deepEqual(httpFailure(500, {reason: 'Expired'}, {}, 'watch pods'), {kind: 'expired', message: 'watch pods: resource version expired'});
});

test('a resourceVersion the server has not reached (etcd restored from a backup) means relist, not wait', () => {
	const body = {message: 'Too large resource version: 2000, current: 1000', details: {causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version'}], retryAfterSeconds: 1}};
	assert.deepEqual(httpFailure(504, body, {}, 'watch jobs'), {kind: 'expired', message: 'watch jobs: resource version ahead of the server'});
});

test('403 keeps the server message (which verb on which resource where)', () => {
	const body = parseStatus(JSON.stringify({kind: 'Status', code: 403, message: 'pods is forbidden: User "u" cannot list resource "pods" in API group "" in the namespace "ns"'}));
	assert.deepEqual(httpFailure(403, body, {}, 'list pods'), {kind: 'forbidden', message: 'pods is forbidden: User "u" cannot list resource "pods" in API group "" in the namespace "ns"'});
	assert.deepEqual(httpFailure(403, undefined, {}, 'list pods'), {kind: 'forbidden', message: 'list pods: forbidden'});
});

test('401 says the credentials were rejected and is retried', () => {
	assert.deepEqual(httpFailure(401, {message: 'Unauthorized'}, {}, 'list jobs'), {kind: 'retry', message: 'credentials rejected or expired (401 Unauthorized)'});
});

test('429 and 5xx are retried, honouring Retry-After from the header or the Status', () => {
	assert.deepEqual(httpFailure(429, {message: 'too many requests'}, {'retry-after': '7'}, 'list jobs'), {kind: 'retry', message: 'list jobs: 429 too many requests', retryAfterMs: 7000});
	assert.deepEqual(httpFailure(504, {message: 'Timeout: request did not complete', details: {retryAfterSeconds: 1}}, {}, 'watch jobs'), {
		kind: 'retry',
		message: 'watch jobs: 504 Timeout: request did not complete',
		retryAfterMs: 1000,
	});
	assert.deepEqual(httpFailure(503, undefined, {}, 'list jobs'), {kind: 'retry', message: 'list jobs: 503'});
});

test('other client errors fail the kind', () => {
	assert.deepEqual(httpFailure(404, {message: 'the server could not find the requested resource'}, {}, 'list cronjobs'), {
		kind: 'failed',
		message: 'list cronjobs: 404 the server could not find the requested resource',
	});
});

test('network and TLS errors name the server', () => {
	assert.deepEqual(transportFailure(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:6443'), {code: 'ECONNREFUSED'}), server), {
		kind: 'retry',
		message: 'cannot reach https://10.0.0.1:6443: connection refused',
	});
	assert.deepEqual(transportFailure(Object.assign(new Error('self-signed certificate'), {code: 'DEPTH_ZERO_SELF_SIGNED_CERT'}), server), {
		kind: 'retry',
		message: 'certificate not trusted (https://10.0.0.1:6443): DEPTH_ZERO_SELF_SIGNED_CERT',
	});
	assert.deepEqual(transportFailure(new Error('socket hang up\nmore'), server), {kind: 'retry', message: 'cannot reach https://10.0.0.1:6443: socket hang up'});
	assert.deepEqual(transportFailure(new ApiFailureError({kind: 'forbidden', message: 'x'}), server), {kind: 'forbidden', message: 'x'});
});

test('backoff doubles up to the cap, with jitter between half and all of it', () => {
	const backoff = {initialMs: 1000, maxMs: 30_000, random: () => 1};
	assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(attempt => backoffDelay(attempt, backoff)), [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
	assert.equal(backoffDelay(3, {...backoff, random: () => 0}), 2000);
});

test('parseStatus ignores bodies that are not a Status', () => {
	assert.equal(parseStatus('not json'), undefined);
	assert.equal(parseStatus('{"kind":"Job"}'), undefined);
	assert.equal(parseStatus('{"kind":"Status","code":410}')?.code, 410);
});
