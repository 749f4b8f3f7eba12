import assert from 'node:assert/strict';
import {test} from 'node:test';
import {collectionPath, isRelevantEvent, normalizeObject} from '../../../source/cluster/watch/resources.js';
import type {KubeObject} from '../../../source/kube/types.js';

test('collection paths per kind, in one namespace or all', () => {
	assert.equal(collectionPath('jobs', 'team-a'), '/apis/batch/v1/namespaces/team-a/jobs');
	assert.equal(collectionPath('cronjobs', undefined), '/apis/batch/v1/cronjobs');
	assert.equal(collectionPath('pods', 'x'), '/api/v1/namespaces/x/pods');
	assert.equal(collectionPath('events', undefined), '/api/v1/events');
});

test('normalizeObject strips managedFields and last-applied, and turns Dates into ISO strings', () => {
	const typed = {
		metadata: {
			name: 'j',
			creationTimestamp: new Date('2026-11-23T10:00:00Z'),
			managedFields: [{manager: 'm'}],
			annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{}', a: 'b'},
		},
		status: {conditions: [{type: 'Complete', lastTransitionTime: new Date('2026-11-23T10:05:00Z')}], succeeded: 1},
	} as unknown as KubeObject;
	assert.deepEqual(normalizeObject(typed), {
		metadata: {name: 'j', creationTimestamp: '2026-11-23T10:00:00.000Z', annotations: {a: 'b'}},
		status: {conditions: [{type: 'Complete', lastTransitionTime: '2026-11-23T10:05:00.000Z'}], succeeded: 1},
	});
	const plain = {metadata: {name: 'p'}, spec: {containers: [{name: 'c'}]}} as KubeObject;
	const normalized = normalizeObject(plain) as KubeObject & {spec: unknown};
	assert.equal(normalized.spec, (plain as KubeObject & {spec: unknown}).spec, 'wire objects are not deep-copied');
});

test('only events about jobs, pods and cron jobs are kept', () => {
	const event = (kind: string) => ({metadata: {}, involvedObject: {kind}}) as KubeObject;
	assert.deepEqual(['Job', 'Pod', 'CronJob', 'Node', 'Deployment'].map(kind => isRelevantEvent(event(kind))), [true, true, true, false, false]);
});
