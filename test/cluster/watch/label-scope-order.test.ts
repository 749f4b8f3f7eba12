import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createLabelScope} from '../../../source/cluster/watch/label-scope.js';
import type {KubeObject} from '../../../source/kube/types.js';
import type {WatchEvent} from '../../../source/store/types.js';

const cronJob = {metadata: {uid: 'cj', name: 'export', namespace: 'batch', labels: {team: 'data'}}} as KubeObject;
const run = {metadata: {uid: 'run', name: 'export-1', namespace: 'batch', ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'export', uid: 'cj', controller: true}]}} as KubeObject;
const stranger = {metadata: {uid: 'other', name: 'other', namespace: 'batch'}} as KubeObject;
const pod = (uid: string, job: string) => ({metadata: {uid, name: uid, namespace: 'batch', labels: {'batch.kubernetes.io/controller-uid': job}}}) as KubeObject;

// What the store would be told, as `kind:type:names`.
function told(events: readonly WatchEvent[]): string[] {
	return events.map(event => {
		const names = event.type === 'list-page' || event.type === 'relist' ? `:${event.objects.map(object => object.metadata.name).join(',')}` : event.type === 'upsert' || event.type === 'delete' ? `:${event.object.metadata.name}` : '';
		return `${event.kind}:${event.type}${names}`;
	});
}

test('pods and runs that arrive before their cron job is listed are held back, then passed on together when it comes', () => {
	const scope = createLabelScope('team=data')!;
	assert.deepEqual(told(scope({type: 'list-page', kind: 'pods', objects: [pod('run-pod', 'run'), pod('other-pod', 'other')], first: true})), ['pods:list-page:']);
	assert.deepEqual(told(scope({type: 'list-page', kind: 'jobs', objects: [run, stranger], first: true})), ['jobs:list-page:']);
	assert.deepEqual(told(scope({type: 'list-page', kind: 'cronjobs', objects: [cronJob], first: true})), ['cronjobs:list-page:export', 'jobs:upsert:export-1', 'pods:upsert:run-pod']);
	// The whole lists that follow the pages say the same: nothing more comes, nothing goes.
	assert.deepEqual(told(scope({type: 'relist', kind: 'jobs', objects: [run, stranger]})), ['jobs:relist:export-1']);
	assert.deepEqual(told(scope({type: 'relist', kind: 'pods', objects: [pod('run-pod', 'run'), pod('other-pod', 'other')]})), ['pods:relist:run-pod']);
	// The cron job gone from a relist (labelled out while the watch was down): its run and pod are listed anew without it.
	assert.deepEqual(told(scope({type: 'relist', kind: 'cronjobs', objects: []})), ['cronjobs:relist:', 'jobs:relist:', 'pods:relist:']);
});

test('an invalid selector gets no scope: the API server answers for it', () => {
	assert.equal(createLabelScope('team in (a'), undefined);
});
