import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import type {Job} from '../../source/kube/types.js';
import type {Simulator} from '../../source/simulator/index.js';
import {call, hasKubectl, type Kubectl, kubectlFor, startTestSimulator} from '../helpers/simulator.js';
import {waitFor} from '../helpers/wait-for.js';
import {buildKubectlFixture} from '../helpers/kubectl.js';

// kubectl is part of the test setup (the parity checks need a real client): without it these tests fail, they do not skip.
const missingKubectl = 'kubectl is not on PATH; install kubectl (1.27 to 1.33 are tested) to run these tests';

let sim: Simulator;
let kubectl: Kubectl;
let dir: string;
let cleanup: () => Promise<void>;
let uid: string;

before(async () => {
	assert.ok(await hasKubectl(), missingKubectl);
	sim = await startTestSimulator();
	({uid} = await buildKubectlFixture(sim));
	(sim as Simulator & {manual: {advance(ms: number): void}}).manual.advance(300_000);
	({kubectl, dir, cleanup} = await kubectlFor(sim));
});

after(async () => {
	await cleanup?.();
	await sim?.stop();
});

async function ok(args: string[], input?: string): Promise<string> {
	const result = await kubectl(args, input);
	assert.equal(result.code, 0, `kubectl ${args.join(' ')} failed: ${result.stderr}`);
	return result.stdout;
}

test('kubectl get jobs, -A, -o wide, -l, -o name, -o jsonpath', async () => {
	assert.equal(await ok(['get', 'jobs']), [
		'NAME   STATUS    COMPLETIONS   DURATION   AGE',
		'demo   Running   0/1           5m         5m',
		''].join('\n'));
	assert.equal(await ok(['get', 'jobs', '-A']), [
		'NAMESPACE   NAME        STATUS    COMPLETIONS   DURATION   AGE',
		'default     demo        Running   0/1           5m         5m',
		'other       elsewhere   Running   0/1                      5m',
		''].join('\n'));
	assert.equal(await ok(['get', 'jobs', '-o', 'wide']), [
		'NAME   STATUS    COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES         SELECTOR',
		`demo   Running   0/1           5m         5m    main         busybox:1.36   batch.kubernetes.io/controller-uid=${uid}`,
		''].join('\n'));
	assert.equal(await ok(['get', 'jobs', '-n', 'other', '-o', 'name']), 'job.batch/elsewhere\n');
	assert.equal(await ok(['get', 'jobs', '-l', 'app=demo', '-o', 'name']), 'job.batch/demo\n');
	assert.equal(await ok(['get', 'job', 'demo', '-o', 'jsonpath={.spec.backoffLimit} {.spec.selector.matchLabels}']), `6 {"batch.kubernetes.io/controller-uid":"${uid}"}`);
	const json = JSON.parse(await ok(['get', 'job', 'demo', '-o', 'json'])) as Job;
	assert.equal(json.metadata.uid, uid);
	assert.equal(json.status?.active, 1);
	const yaml = await ok(['get', 'job', 'demo', '-o', 'yaml']);
	assert.match(yaml, /^apiVersion: batch\/v1\nkind: Job\nmetadata:\n/);
	assert.match(yaml, /\n {2}backoffLimit: 6\n/);
});

test('kubectl get pods, events, cronjobs, namespaces and all', async () => {
	assert.equal(await ok(['get', 'pods']), [
		'NAME         READY   STATUS    RESTARTS     AGE',
		'demo-abcde   1/1     Running   1 (4m ago)   5m',
		''].join('\n'));
	assert.equal(await ok(['get', 'po', '-o', 'wide']), [
		'NAME         READY   STATUS    RESTARTS     AGE   IP         NODE         NOMINATED NODE   READINESS GATES',
		'demo-abcde   1/1     Running   1 (4m ago)   5m    10.0.0.5   sim-node-1   <none>           <none>',
		''].join('\n'));
	assert.equal(await ok(['get', 'events']), [
		'LAST SEEN   TYPE     REASON             OBJECT     MESSAGE',
		'5m          Normal   SuccessfulCreate   job/demo   Created pod: demo-abcde',
		''].join('\n'));
	assert.equal(await ok(['get', 'cj', '-o', 'wide']), [
		'NAME      SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES    SELECTOR',
		'nightly   0 3 * * *   <none>     False     0        <none>          5m    c            busybox   <none>',
		''].join('\n'));
	assert.equal(await ok(['get', 'ns', 'other']), 'NAME    STATUS   AGE\nother   Active   5m\n');
	assert.equal(await ok(['get', 'all']), [
		'NAME             READY   STATUS    RESTARTS     AGE',
		'pod/demo-abcde   1/1     Running   1 (4m ago)   5m',
		'',
		'NAME                    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
		'cronjob.batch/nightly   0 3 * * *   <none>     False     0        <none>          5m',
		'',
		'NAME             STATUS    COMPLETIONS   DURATION   AGE',
		'job.batch/demo   Running   0/1           5m         5m',
		''].join('\n'));
});

test('kubectl logs pod/NAME, logs -p and logs job/NAME', async () => {
	assert.equal(await ok(['logs', 'pod/demo-abcde']), 'hello\nworld\n');
	assert.equal(await ok(['logs', '-p', 'demo-abcde']), 'first run\n');
	assert.equal(await ok(['logs', 'job/demo', '--tail=1', '--timestamps']), '2026-01-01T00:02:01.000000000Z world\n');
	const missing = await kubectl(['logs', 'demo-abcde', '-c', 'nope']);
	assert.equal(missing.code, 1);
	assert.equal(missing.stderr.trim(), 'error: container nope is not valid for pod demo-abcde');
});

test('kubectl describe job prints the Job and its events', async () => {
	const out = await ok(['describe', 'job', 'demo']);
	const lines = out.split('\n');
	assert.deepEqual(lines.slice(0, 12), [
		'Name:             demo',
		'Namespace:        default',
		`Selector:         batch.kubernetes.io/controller-uid=${uid}`,
		'Labels:           app=demo',
		'Annotations:      <none>',
		'Parallelism:      1',
		'Completions:      1',
		'Completion Mode:  NonIndexed',
		'Suspend:          false',
		'Backoff Limit:    6',
		'Start Time:       Thu, 01 Jan 2026 00:00:00 +0000',
		'Pods Statuses:    1 Active (1 Ready) / 0 Succeeded / 0 Failed',
	]);
	const events = lines.indexOf('Events:');
	assert.ok(events > 0);
	assert.equal(lines[events + 1], '  Type    Reason            Age   From            Message');
	// Age is computed by kubectl from the wall clock, which the simulated start time does not follow.
	assert.match(lines[events + 3]!, /^ {2}Normal {2}SuccessfulCreate {2}\S+ +job-controller {2}Created pod: demo-abcde$/);
});

test('kubectl create -f and apply -f of a Job manifest (OpenAPI v3 validation path)', async () => {
	const manifest = join(dir, 'job.yaml');
	await writeFile(manifest, 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: rerun-1\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        image: busybox\n      restartPolicy: Never\n');
	assert.equal(await ok(['create', '-f', manifest]), 'job.batch/rerun-1 created\n');
	assert.ok(sim.requests.some(r => r.path === '/openapi/v3/apis/batch/v1'));
	assert.ok(sim.requests.some(r => r.method === 'POST' && r.path === '/apis/batch/v1/namespaces/default/jobs' && r.query.includes('fieldValidation=Strict')));
	const applyManifest = join(dir, 'apply.yaml');
	await writeFile(applyManifest, 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: applied\nspec:\n  backoffLimit: 1\n  template:\n    spec:\n      containers:\n      - name: main\n        image: busybox\n      restartPolicy: Never\n');
	assert.equal(await ok(['apply', '-f', applyManifest]), 'job.batch/applied created\n');
	assert.equal(await ok(['apply', '-f', applyManifest]), 'job.batch/applied unchanged\n');
	await writeFile(applyManifest, 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: applied\nspec:\n  backoffLimit: 3\n  template:\n    spec:\n      containers:\n      - name: main\n        image: busybox\n      restartPolicy: Never\n');
	assert.equal(await ok(['apply', '-f', applyManifest]), 'job.batch/applied configured\n');
	assert.equal(sim.store.get<Job>('Job', 'default', 'applied')?.spec.backoffLimit, 3);
	const bad = join(dir, 'bad.yaml');
	await writeFile(bad, 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: bad\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        image: busybox\n');
	const invalid = await kubectl(['create', '-f', bad]);
	assert.equal(invalid.code, 1);
	assert.equal(invalid.stderr.trim(), 'The Job "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
});

test('kubectl create job --from=cronjob posts protobuf and the Job arrives whole', async () => {
	assert.equal(await ok(['create', 'job', 'manual-1', '--from=cronjob/nightly']), 'job.batch/manual-1 created\n');
	const post = sim.requests.find(r => r.method === 'POST' && r.path === '/apis/batch/v1/namespaces/default/jobs' && r.contentType === 'application/vnd.kubernetes.protobuf');
	assert.ok(post, 'kubectl sent a protobuf body');
	const job = sim.store.get<Job>('Job', 'default', 'manual-1')!;
	const cronJob = sim.store.get('CronJob', 'default', 'nightly')!;
	assert.deepEqual(job.metadata.annotations, {'cronjob.kubernetes.io/instantiate': 'manual'});
	assert.deepEqual(job.metadata.labels, {team: 'x'});
	assert.deepEqual(job.metadata.ownerReferences, [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: cronJob.metadata.uid, controller: true}]);
	assert.equal(job.spec.backoffLimit, 2);
	assert.equal(job.spec.template.spec.restartPolicy, 'OnFailure');
	assert.deepEqual(job.spec.template.spec.containers, [{name: 'c', image: 'busybox', imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File'}]);
	assert.equal(job.spec.template.metadata?.labels?.['job-name'], 'manual-1');
	assert.equal(job.spec.template.metadata?.['creationTimestamp' as never], undefined);
});

test('kubectl patch cronjob (strategic and merge) reports patched / no change', async () => {
	assert.equal(await ok(['patch', 'cronjob', 'nightly', '-p', '{"spec":{"suspend":true}}']), 'cronjob.batch/nightly patched\n');
	assert.equal(await ok(['patch', 'cronjob', 'nightly', '--type=merge', '-p', '{"spec":{"suspend":true}}']), 'cronjob.batch/nightly patched (no change)\n');
	assert.equal(await ok(['patch', 'cronjob', 'nightly', '--type=json', '-p', '[{"op":"replace","path":"/spec/suspend","value":false}]']), 'cronjob.batch/nightly patched\n');
	assert.equal(sim.store.get<{spec: {suspend: boolean}} & Job>('CronJob', 'default', 'nightly')?.spec.suspend, false);
});

test('kubectl get -w prints the list, then a row per change', async () => {
	const child = spawn('kubectl', ['--kubeconfig', join(dir, 'kubeconfig'), 'get', 'jobs', '-n', 'other', '-w'], {env: {...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache')}});
	let out = '';
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
	});
	const exited = new Promise<void>(resolve => child.on('exit', () => resolve()));
	const lines = async (count: number) => waitFor(`${count} lines from kubectl get -w`, () => out.split('\n').length > count, {ms: 15_000, explain: () => out});

	try {
		await lines(2);
		await waitFor('kubectl\'s watch', () => sim.openWatches() > 0, {ms: 15_000});
		await call(sim, 'PATCH', '/apis/batch/v1/namespaces/other/jobs/elsewhere', {spec: {suspend: true}}, {'Content-Type': 'application/merge-patch+json'});
		await lines(3);
	} finally {
		child.kill();
		await exited;
	}

	assert.equal(out, [
		'NAME        STATUS    COMPLETIONS   DURATION   AGE',
		'elsewhere   Running   0/1                      5m',
		'elsewhere   Running   0/1                      5m',
		''].join('\n'));
	// The server hears of the closed connection a moment after kubectl exits (later still on a busy machine).
	await waitFor('the watch closed on the server', () => sim.openWatches() === 0);
});

test('kubectl get jobs -w -o name names the Job at every event: created, changed and deleted through the API', async () => {
	const child = spawn('kubectl', ['--kubeconfig', join(dir, 'kubeconfig'), 'get', 'jobs', '-n', 'other', '-w', '--watch-only', '-o', 'name'], {env: {...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache')}});
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		err += chunk.toString();
	});
	const exited = new Promise<void>(resolve => child.on('exit', () => resolve()));
	const lines = async (count: number) => waitFor(`${count} lines from kubectl get -w -o name`, () => out.split('\n').length > count, {ms: 15_000, explain: () => `stdout ${JSON.stringify(out)} stderr ${JSON.stringify(err)}`});
	try {
		await waitFor('kubectl\'s watch', () => sim.openWatches() > 0, {ms: 15_000});
		// A Job created through POST: the ADDED event is the object exactly as the create stored it.
		await ok(['create', '-n', 'other', '-f', '-'], JSON.stringify({apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'watched'}, spec: {template: {spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox:1.36'}]}}}}));
		await lines(1);
		await ok(['patch', 'job', 'watched', '-n', 'other', '-p', '{"spec":{"suspend":true}}']);
		await lines(2);
		await ok(['delete', 'job', 'watched', '-n', 'other', '--wait=false']);
		await lines(3);
	} finally {
		child.kill();
		await exited;
	}

	const printed = out.split('\n').filter(Boolean);
	assert.ok(printed.length >= 3, out);
	assert.deepEqual([...new Set(printed)], ['job.batch/watched'], `stdout ${out} stderr ${err}`);
	await waitFor('the watch closed on the server', () => sim.openWatches() === 0);
});

test('kubectl delete job sends Background and the Job is gone', async () => {
	assert.equal(await ok(['delete', 'job', 'rerun-1']), 'job.batch "rerun-1" deleted\n');
	assert.equal(sim.store.get('Job', 'default', 'rerun-1'), undefined);
	assert.equal(await ok(['delete', 'job', 'applied', '--cascade=orphan', '--wait=false']), 'job.batch "applied" deleted\n');
	assert.deepEqual(sim.store.get('Job', 'default', 'applied')?.metadata.finalizers, ['orphan']);
});
