import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {parse, parseAllDocuments} from 'yaml';
import type {CronJob, Job, KubeEvent, Pod} from '../../../source/kube/types.js';
import {describeCronJob, describeJob} from '../../../source/view-model/describe/job.js';
import {describePod} from '../../../source/view-model/describe/pod.js';
import {describeTarget} from '../../../source/view-model/describe/object.js';
import {objectYaml, objectYamlLines} from '../../../source/view-model/describe/yaml.js';
import {makeEvent, makeJob, makePod, now as later} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';
import {fixturesDirectory} from '../../helpers/fixtures.js';

const seeds = path.join(fixturesDirectory, 'seed-manifests');
const now = Date.parse('2026-01-01T00:05:00Z');

/** Every value the seed Secret holds, base64 and decoded: none may ever appear on screen. */
function secretValues(): string[] {
	const secret = parseAllDocuments(readFileSync(`${seeds}/keycloak-secrets.yaml`, 'utf8')).map(document => document.toJS() as {kind: string; data?: Record<string, string>}).find(object => object.kind === 'Secret');
	const encoded = Object.values(secret?.data ?? {});
	assert.equal(encoded.length, 3);
	// A value that is also ordinary text of the job manifest (one is literally a word of a key name) proves nothing.
	const manifest = readFileSync(`${seeds}/keycloak-setup-job.yaml`, 'utf8');
	const values = [...encoded, ...encoded.map(value => Buffer.from(value, 'base64').toString('utf8'))].filter(value => !manifest.includes(value));
	assert.equal(values.length, 5);
	return values;
}

function keycloakJob(): Job {
	const job = parse(readFileSync(`${seeds}/keycloak-setup-job.yaml`, 'utf8')) as Job;
	job.metadata = {...job.metadata, namespace: 'batch', uid: 'job-uid', managedFields: [{manager: 'kubectl-client-side-apply'}], creationTimestamp: '2026-01-01T00:00:00Z'};
	job.spec.selector = {matchLabels: {'batch.kubernetes.io/controller-uid': 'job-uid'}};
	job.status = {startTime: '2026-01-01T00:00:01Z', active: 1, ready: 0, failed: 1};
	return job;
}

function keycloakPod(job: Job): Pod {
	return {
		metadata: {name: 'keycloak-setup-job-x7k2p', namespace: 'batch', uid: 'pod-uid', creationTimestamp: '2026-01-01T00:00:01Z', labels: {'job-name': 'keycloak-setup-job'}, ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: 'keycloak-setup-job', uid: 'job-uid', controller: true}]},
		spec: {...job.spec.template.spec, nodeName: 'sim-node-1'},
		status: {
			phase: 'Running', hostIP: '10.0.0.1', podIP: '10.244.0.7', startTime: '2026-01-01T00:00:01Z',
			containerStatuses: [{name: 'keycloak-setup-job', ready: false, restartCount: 0, state: {waiting: {reason: 'CreateContainerConfigError', message: 'secret "keycloak" not found'}}}],
			conditions: [{type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: '2026-01-01T00:00:01Z'}],
		},
	};
}

const event: KubeEvent = {
	metadata: {name: 'e1', namespace: 'batch', uid: 'e1'}, involvedObject: {kind: 'Job', name: 'keycloak-setup-job', uid: 'job-uid'},
	type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: keycloak-setup-job-x7k2p', count: 1,
	firstTimestamp: '2026-01-01T00:00:01Z', lastTimestamp: '2026-01-01T00:00:01Z', source: {component: 'job-controller'},
};

test('describe job: the fields that matter, the template with env as references, pods and events', () => {
	const job = keycloakJob();
	const lines = describeJob(job, [keycloakPod(job)], [event], now);
	assert.deepEqual(lines.slice(0, 14), [
		'Name:                        keycloak-setup-job',
		'Namespace:                   batch',
		'Selector:                    batch.kubernetes.io/controller-uid=job-uid',
		'Labels:                      <none>',
		'Annotations:                 <none>',
		'Parallelism:                 1',
		'Completions:                 <unset>',
		'Completion Mode:             NonIndexed',
		'Suspend:                     false',
		'Backoff Limit:               1',
		'TTL Seconds After Finished:  100',
		'Start Time:                  2026-01-01T00:00:01Z (4m59s ago)',
		'Duration:                    4m59s',
		'Pods Statuses:               1 Active (0 Ready) / 0 Succeeded / 1 Failed',
	]);
	const env = lines.indexOf('     Environment:');
	assert.deepEqual(lines.slice(env, env + 4), [
		'     Environment:',
		'       ADMIN_USERNAME:  configMapKeyRef keycloak-env-vars/KEYCLOAK_ADMIN_USER',
		'       ADMIN_PASSWORD:  secretKeyRef keycloak/admin-password',
		'       USER_PASSWORD:   secretKeyRef keycloak/user-password',
	]);
	assert.deepEqual(lines.slice(-8), [
		'Conditions:  <none>',
		'Pods:',
		'  Name                      Ready  Status                      Node        Age',
		'  keycloak-setup-job-x7k2p  0/1    CreateContainerConfigError  sim-node-1  4m59s',
		'Events:',
		'  Type    Reason            Age    From            Message',
		'  ----    ------            ---    ----            -------',
		'  Normal  SuccessfulCreate  4m59s  job-controller  Created pod: keycloak-setup-job-x7k2p',
	]);
});

test('describe pod: node, state with reason, env references, conditions', () => {
	const pod = keycloakPod(keycloakJob());
	const lines = describePod(pod, [], now);
	assert.deepEqual(lines.slice(0, 6), [
		'Name:             keycloak-setup-job-x7k2p',
		'Namespace:        batch',
		'Service Account:  default',
		'Node:             sim-node-1/10.0.0.1',
		'Start Time:       2026-01-01T00:00:01Z (4m59s ago)',
		'Labels:           job-name=keycloak-setup-job',
	]);
	assert.ok(lines.includes('Controlled By:    Job/keycloak-setup-job'));
	assert.ok(lines.includes('      ADMIN_PASSWORD:  secretKeyRef keycloak/admin-password'));
	const state = lines.findIndex(line => line.trim().startsWith('State:'));
	assert.deepEqual(lines.slice(state, state + 3).map(line => line.trim()), ['State:          Waiting', 'Reason:  CreateContainerConfigError', 'Message:  secret "keycloak" not found']);
	assert.deepEqual(lines.slice(-5), ['Conditions:', '  Type   Status  Reason              Age    Message', '  ----   ------  ------              ---    -------', '  Ready  False   ContainersNotReady  4m59s', 'Events:  <none>']);
});

test('describe cron job: schedule, policies and the next run', () => {
	const cron: CronJob = {
		metadata: {name: 'nightly', namespace: 'batch', creationTimestamp: '2025-12-31T00:00:00Z'},
		spec: {schedule: '0 2 * * *', concurrencyPolicy: 'Forbid', jobTemplate: {spec: keycloakJob().spec}},
		status: {lastScheduleTime: '2025-12-31T02:00:00Z'},
	};
	const lines = describeCronJob(cron, [], [], now);
	assert.ok(lines.includes('Schedule:                      0 2 * * *'));
	assert.ok(lines.includes('Concurrency Policy:            Forbid'));
	assert.ok(lines.includes('Next Schedule Time:            2026-01-01T02:00:00Z (in 115m)'), lines.join('\n'));
	assert.ok(lines.includes('         ADMIN_PASSWORD:  secretKeyRef keycloak/admin-password'));
});

test('YAML: from the yaml library, managedFields dropped, secrets only as references, never their values', () => {
	const job = keycloakJob();
	const pod = keycloakPod(job);
	const text = objectYaml(job, {apiVersion: 'batch/v1', kind: 'Job'});
	assert.equal(text.includes('managedFields'), false);
	assert.deepEqual((parse(text) as Job).metadata, {name: 'keycloak-setup-job', namespace: 'batch', uid: 'job-uid', creationTimestamp: '2026-01-01T00:00:00Z'});
	assert.ok(text.startsWith('apiVersion: batch/v1\nkind: Job\nmetadata:\n'));
	assert.match(text, /secretKeyRef:\n {18}name: keycloak\n {18}key: admin-password\n/);
	const screens = [text, objectYaml(pod, {apiVersion: 'v1', kind: 'Pod'}), ...describeJob(job, [pod], [], now), ...describePod(pod, [], now)].join('\n');
	for (const value of secretValues()) {
		assert.equal(screens.includes(value), false, 'a secret value is on screen');
	}
});

test('describe from the live snapshot: the job with its pods and their events; a tombstone is marked deleted', () => {
	const job = makeJob('pi', {namespace: 'batch'});
	const pod = makePod(job, 'abcde');
	const snapshot = makeSnapshot({jobs: [job], pods: [pod], events: [makeEvent(pod, 'Pulled', 'Container image "perl" already present on machine', -30)]});
	const description = describeTarget(snapshot, {kind: 'job', uid: 'uid-pi'}, later);
	assert.equal(description?.title, 'job batch/pi');
	assert.equal(description?.deleted, false);
	assert.ok(description?.lines.some(line => line.startsWith('  pi-abcde ')));
	assert.ok(description?.lines.some(line => line.includes('Pulled') && line.includes('Container image "perl" already present on machine')));
	const gone = makeSnapshot({deleted: [{object: job, deletedAt: later}]});
	assert.equal(describeTarget(gone, {kind: 'job', uid: 'uid-pi'}, later)?.deleted, true);
	assert.equal(describeTarget(gone, {kind: 'pod', uid: 'uid-pi'}, later), undefined);
	assert.deepEqual(objectYamlLines(pod).slice(0, 3), ['apiVersion: v1', 'kind: Pod', 'metadata:']);
});
