import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import type {Job, Pod} from '../../../source/kube/types.js';
import type {Simulator} from '../../../source/simulator/index.js';
import {call, createJob, jobManifest, putPod, startTestSimulator} from '../../helpers/simulator.js';

let sim: Simulator;
const jobs = '/apis/batch/v1/namespaces/default/jobs';

before(async () => {
	sim = await startTestSimulator();
});

after(async () => {
	await sim.stop();
});

test('create fills in the Job defaults, the selector and the four controller labels', async () => {
	const reply = await call(sim, 'POST', `${jobs}?fieldManager=kubectl-create&fieldValidation=Strict`, {...jobManifest('pi'), metadata: {name: 'pi', uid: 'client-uid', resourceVersion: '5'}, status: {active: 3}});
	assert.equal(reply.status, 201);
	const job = reply.json as Job;
	const uid = job.metadata.uid!;
	assert.notEqual(uid, 'client-uid');
	assert.equal(job.kind, 'Job');
	assert.equal(job.apiVersion, 'batch/v1');
	assert.equal(job.metadata.resourceVersion, String(sim.store.rv));
	assert.equal(job.metadata.creationTimestamp, '2026-01-01T00:00:00Z');
	assert.equal(job.status, undefined);
	const labels = {'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi'};
	assert.deepEqual(job.metadata.labels, labels);
	assert.deepEqual(job.spec.template.metadata?.labels, labels);
	assert.deepEqual(job.spec.selector, {matchLabels: {'batch.kubernetes.io/controller-uid': uid}});
	assert.equal(job.spec.backoffLimit, 6);
	assert.equal(job.spec.completions, 1);
	assert.equal(job.spec.parallelism, 1);
	assert.equal(job.spec.completionMode, 'NonIndexed');
	assert.equal(job.spec.podReplacementPolicy, 'TerminatingOrFailed');
	assert.equal(job.spec.suspend, false);
	assert.equal(job.spec.template.spec.terminationGracePeriodSeconds, 30);
	assert.equal(job.spec.template.spec.containers[0]!.imagePullPolicy, 'IfNotPresent');
});

test('generateName gets five characters from the API server alphabet; labels of the Job stay its own', async () => {
	const reply = await call(sim, 'POST', jobs, {...jobManifest(''), metadata: {generateName: 'backup-', labels: {team: 'x'}}});
	assert.equal(reply.status, 201);
	assert.match(reply.json.metadata.name, /^backup-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
	assert.deepEqual(reply.json.metadata.labels, {team: 'x'});
	assert.equal(reply.json.spec.template.metadata.labels['job-name'], reply.json.metadata.name);
});

test('restartPolicy Always is 422 with the real message, and a missing namespace is 404', async () => {
	const manifest = jobManifest('always');
	manifest.spec.template.spec.restartPolicy = 'Always';
	const reply = await call(sim, 'POST', jobs, manifest);
	assert.equal(reply.status, 422);
	assert.deepEqual(reply.json, {
		kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
		message: 'Job.batch "always" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
		reason: 'Invalid',
		details: {name: 'always', group: 'batch', kind: 'Job', causes: [{reason: 'FieldValueNotSupported', message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"', field: 'spec.template.spec.restartPolicy'}]},
		code: 422,
	});
	const missing = await call(sim, 'POST', '/apis/batch/v1/namespaces/nope/jobs', jobManifest('x'));
	assert.equal(missing.status, 404);
	assert.equal(missing.json.message, 'namespaces "nope" not found');
});

test('404, 409 AlreadyExists and unknown paths are real Status objects', async () => {
	const missing = await call(sim, 'GET', `${jobs}/ghost`);
	assert.deepEqual(missing.json, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'jobs.batch "ghost" not found', reason: 'NotFound', details: {name: 'ghost', kind: 'jobs', group: 'batch'}, code: 404});
	const pod = await call(sim, 'GET', '/api/v1/namespaces/default/pods/ghost');
	assert.equal(pod.json.message, 'pods "ghost" not found');
	assert.equal(pod.json.details.group, undefined);
	await createJob(sim, 'twice');
	const again = await call(sim, 'POST', jobs, jobManifest('twice'));
	assert.equal(again.status, 409);
	assert.equal(again.json.reason, 'AlreadyExists');
	assert.equal(again.json.message, 'jobs.batch "twice" already exists');
	const path = await call(sim, 'GET', '/apis/apps/v1/deployments');
	assert.equal(path.status, 404);
	assert.equal(path.json.message, 'the server could not find the requested resource');
});

test('malformed JSON is 400 BadRequest and the server keeps serving', async () => {
	const reply = await call(sim, 'POST', jobs, '{"metadata": {"name": ');
	assert.equal(reply.status, 400);
	assert.equal(reply.json.kind, 'Status');
	assert.equal(reply.json.reason, 'BadRequest');
	assert.match(reply.json.message, /^couldn't get version\/kind; json parse error: /);
	const array = await call(sim, 'POST', jobs, '[1,2]');
	assert.equal(array.status, 400);
	const patch = await call(sim, 'PATCH', `${jobs}/twice`, 'nope', {'Content-Type': 'application/merge-patch+json'});
	assert.equal(patch.status, 400);
	const unsupported = await call(sim, 'PATCH', `${jobs}/twice`, '{}', {'Content-Type': 'text/plain'});
	assert.equal(unsupported.status, 415);
	const version = await call(sim, 'GET', '/version');
	assert.equal(version.status, 200);
	assert.equal(version.json.minor, '32');
});

test('merge and strategic merge patches of suspend; an unchanged patch does not bump the resourceVersion', async () => {
	await createJob(sim, 'patchme');
	const merge = await call(sim, 'PATCH', `${jobs}/patchme?fieldManager=kubectl-patch`, {spec: {suspend: true}}, {'Content-Type': 'application/merge-patch+json'});
	assert.equal(merge.status, 200);
	assert.equal(merge.json.spec.suspend, true);
	assert.equal(merge.json.metadata.generation, 2);
	const rv = merge.json.metadata.resourceVersion as string;
	const same = await call(sim, 'PATCH', `${jobs}/patchme`, {spec: {suspend: true}}, {'Content-Type': 'application/strategic-merge-patch+json'});
	assert.equal(same.json.metadata.resourceVersion, rv);
	const strategic = await call(sim, 'PATCH', `${jobs}/patchme`, {spec: {suspend: false}, metadata: {labels: {x: 'y'}}}, {'Content-Type': 'application/strategic-merge-patch+json'});
	assert.equal(strategic.json.spec.suspend, false);
	assert.equal(strategic.json.metadata.labels.x, 'y');
	assert.equal(strategic.json.metadata.labels['job-name'], 'patchme');
	const json = await call(sim, 'PATCH', `${jobs}/patchme`, [{op: 'replace', path: '/spec/suspend', value: true}, {op: 'remove', path: '/metadata/labels/x'}], {'Content-Type': 'application/json-patch+json'});
	assert.equal(json.json.spec.suspend, true);
	assert.equal(json.json.metadata.labels.x, undefined);
	const stale = await call(sim, 'PATCH', `${jobs}/patchme`, {metadata: {resourceVersion: '1'}, spec: {suspend: false}}, {'Content-Type': 'application/merge-patch+json'});
	assert.equal(stale.status, 409);
	assert.equal(stale.json.reason, 'Conflict');
});

test('strategic merge patch merges containers by name and removes finalizers with $deleteFromPrimitiveList', async () => {
	putPod(sim, 'smp', {containers: ['main', 'side'], metadata: {finalizers: ['batch.kubernetes.io/job-tracking', 'keep']}});
	const reply = await call(sim, 'PATCH', '/api/v1/namespaces/default/pods/smp', {
		metadata: {'$deleteFromPrimitiveList/finalizers': ['batch.kubernetes.io/job-tracking']},
		spec: {containers: [{name: 'side', image: 'alpine'}]},
	}, {'Content-Type': 'application/strategic-merge-patch+json'});
	assert.equal(reply.status, 200);
	assert.deepEqual(reply.json.metadata.finalizers, ['keep']);
	assert.deepEqual(reply.json.spec.containers, [{name: 'main', image: 'busybox'}, {name: 'side', image: 'alpine'}]);
	// A merge patch replaces the whole list, which drops a container: pod specs do not allow that.
	const merge = await call(sim, 'PATCH', '/api/v1/namespaces/default/pods/smp', {spec: {containers: [{name: 'side', image: 'alpine'}]}}, {'Content-Type': 'application/merge-patch+json'});
	assert.equal(merge.status, 422);
	assert.match(merge.json.message, /^Pod "smp" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/);
});

test('$deleteFromPrimitiveList removes one finalizer', async () => {
	putPod(sim, 'fin', {metadata: {finalizers: ['batch.kubernetes.io/job-tracking', 'keep']}});
	const reply = await call(sim, 'PATCH', '/api/v1/namespaces/default/pods/fin', {metadata: {'$deleteFromPrimitiveList/finalizers': ['batch.kubernetes.io/job-tracking']}}, {'Content-Type': 'application/strategic-merge-patch+json'});
	assert.equal(reply.status, 200);
	assert.deepEqual(reply.json.metadata.finalizers, ['keep']);
});

test('PUT with a stale resourceVersion is 409 Conflict; immutable Job fields are 422', async () => {
	const job = await createJob(sim, 'putme');
	const first = await call(sim, 'PUT', `${jobs}/putme`, {...job, spec: {...job.spec, backoffLimit: 2}});
	assert.equal(first.status, 200);
	assert.equal(first.json.spec.backoffLimit, 2);
	const conflict = await call(sim, 'PUT', `${jobs}/putme`, {...job, spec: {...job.spec, backoffLimit: 3}});
	assert.equal(conflict.status, 409);
	assert.equal(conflict.json.message, 'Operation cannot be fulfilled on jobs.batch "putme": the object has been modified; please apply your changes to the latest version and try again');
	const current = first.json as Job;
	const immutable = await call(sim, 'PUT', `${jobs}/putme`, {...current, spec: {...current.spec, completions: 5}});
	assert.equal(immutable.status, 422);
	assert.equal(immutable.json.message, 'Job.batch "putme" is invalid: spec.completions: Invalid value: 5: field is immutable');
	const status = await call(sim, 'PUT', `${jobs}/putme/status`, {...current, spec: {...current.spec, backoffLimit: 0}, status: {active: 1}});
	assert.equal(status.status, 200);
	assert.equal(status.json.status.active, 1);
	assert.equal(status.json.spec.backoffLimit, 2);
});

test('DELETE follows the propagation policy: Background removes, Foreground and Orphan leave finalizers, Job default is Orphan', async () => {
	for (const name of ['bg', 'fg', 'or', 'def', 'legacy']) {
		await createJob(sim, name);
	}

	const bg = await call(sim, 'DELETE', `${jobs}/bg`, {propagationPolicy: 'Background'});
	assert.equal(bg.json.kind, 'Status');
	assert.equal(bg.json.status, 'Success');
	assert.deepEqual(Object.keys(bg.json.details), ['name', 'group', 'kind', 'uid']);
	assert.equal(sim.store.get('Job', 'default', 'bg'), undefined);
	const fg = await call(sim, 'DELETE', `${jobs}/fg`, {propagationPolicy: 'Foreground'});
	assert.equal(fg.json.kind, 'Job');
	assert.deepEqual(sim.store.get('Job', 'default', 'fg')?.metadata.finalizers, ['foregroundDeletion']);
	assert.equal(sim.store.get('Job', 'default', 'fg')?.metadata.deletionTimestamp, '2026-01-01T00:00:00Z');
	await call(sim, 'DELETE', `${jobs}/or?propagationPolicy=Orphan`);
	assert.deepEqual(sim.store.get('Job', 'default', 'or')?.metadata.finalizers, ['orphan']);
	await call(sim, 'DELETE', `${jobs}/def`);
	assert.deepEqual(sim.store.get('Job', 'default', 'def')?.metadata.finalizers, ['orphan']);
	await call(sim, 'DELETE', `${jobs}/legacy`, {orphanDependents: false});
	assert.equal(sim.store.get('Job', 'default', 'legacy'), undefined);
	const precondition = await call(sim, 'DELETE', `${jobs}/twice`, {preconditions: {uid: 'wrong'}});
	assert.equal(precondition.status, 409);
	assert.match(precondition.json.message, /^Operation cannot be fulfilled on Job\.batch "twice": the UID in the precondition \(wrong\) does not match the UID in record/);
});

test('a CronJob DELETE defaults to Background', async () => {
	const created = await call(sim, 'POST', '/apis/batch/v1/namespaces/default/cronjobs', {metadata: {name: 'cj'}, spec: {schedule: '*/5 * * * *', jobTemplate: {spec: jobManifest('x').spec}}});
	assert.equal(created.status, 201);
	assert.equal(created.json.spec.concurrencyPolicy, 'Allow');
	assert.equal(created.json.spec.successfulJobsHistoryLimit, 3);
	await call(sim, 'DELETE', '/apis/batch/v1/namespaces/default/cronjobs/cj');
	assert.equal(sim.store.get('CronJob', 'default', 'cj'), undefined);
	const tz = await call(sim, 'POST', '/apis/batch/v1/namespaces/default/cronjobs', {metadata: {name: 'tz'}, spec: {schedule: 'TZ=UTC 0 * * * *', jobTemplate: {spec: jobManifest('x').spec}}});
	assert.equal(tz.status, 422);
	assert.equal(tz.json.message, 'CronJob.batch "tz" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
});

test('Pod DELETE: grace 0 removes at once, otherwise deletionTimestamp and deletionGracePeriodSeconds are set', async () => {
	putPod(sim, 'now');
	const gone = await call(sim, 'DELETE', '/api/v1/namespaces/default/pods/now', {gracePeriodSeconds: 0, propagationPolicy: 'Background'});
	assert.equal(gone.json.kind, 'Pod');
	assert.equal(sim.store.get('Pod', 'default', 'now'), undefined);
	putPod(sim, 'graceful');
	const pending = await call(sim, 'DELETE', '/api/v1/namespaces/default/pods/graceful');
	assert.equal(pending.status, 200);
	const stored = sim.store.get<Pod>('Pod', 'default', 'graceful')!;
	assert.equal(stored.metadata.deletionTimestamp, '2026-01-01T00:00:30Z');
	assert.equal(stored.metadata.deletionGracePeriodSeconds, 30);
	putPod(sim, 'tracked', {metadata: {finalizers: ['batch.kubernetes.io/job-tracking']}});
	await call(sim, 'DELETE', '/api/v1/namespaces/default/pods/tracked', {gracePeriodSeconds: 0});
	assert.deepEqual(sim.store.get('Pod', 'default', 'tracked')?.metadata.finalizers, ['batch.kubernetes.io/job-tracking']);
	putPod(sim, 'unscheduled', {spec: {containers: [{name: 'main'}], nodeName: undefined}});
	await call(sim, 'DELETE', '/api/v1/namespaces/default/pods/unscheduled');
	assert.equal(sim.store.get('Pod', 'default', 'unscheduled'), undefined);
});

test('Table output for lists and gets uses the printers, wide cells and PartialObjectMetadata rows', async () => {
	const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
	const list = await call(sim, 'GET', `${jobs}?limit=500&labelSelector=job-name%3Dtwice`, undefined, {Accept: accept});
	assert.equal(list.json.kind, 'Table');
	assert.equal(list.json.apiVersion, 'meta.k8s.io/v1');
	assert.equal(list.json.rows.length, 1);
	const row = list.json.rows[0];
	assert.equal(row.cells.length, 8);
	assert.deepEqual(row.cells.slice(0, 4), ['twice', 'Running', '0/1', '']);
	assert.equal(row.cells[6], 'busybox:1.36');
	assert.equal(row.object.kind, 'PartialObjectMetadata');
	assert.equal(row.object.metadata.namespace, 'default');
	const full = await call(sim, 'GET', `${jobs}/twice?includeObject=Object`, undefined, {Accept: accept});
	assert.equal(full.json.rows[0].object.kind, 'Job');
	assert.equal(full.json.rows[0].object.spec.backoffLimit, 6);
	const none = await call(sim, 'GET', `${jobs}/twice?includeObject=None`, undefined, {Accept: accept});
	assert.equal(none.json.rows[0].object, undefined);
});

test('dryRun=All validates without storing', async () => {
	const rv = sim.store.rv;
	const reply = await call(sim, 'POST', `${jobs}?dryRun=All`, jobManifest('dry'));
	assert.equal(reply.status, 201);
	assert.equal(sim.store.get('Job', 'default', 'dry'), undefined);
	assert.equal(sim.store.rv, rv);
});

test('garbage requests get Status answers and never take the server down', async () => {
	const cases: Array<[string, string, string | Buffer | undefined, Record<string, string>, number]> = [
		['GET', '/api/v1/namespaces/%zz/pods', undefined, {}, 404],
		['PUT', jobs, '{}', {}, 405],
		['OPTIONS', '/api/v1/pods', undefined, {}, 405],
		['POST', jobs, Buffer.from([0x6B, 0x38, 0x73, 0x00, 0xFF, 0xFF]), {'Content-Type': 'application/vnd.kubernetes.protobuf'}, 400],
		['POST', jobs, Buffer.from('not protobuf'), {'Content-Type': 'application/vnd.kubernetes.protobuf'}, 400],
		['POST', jobs, '{"metadata": 5, "spec": "x"}', {}, 422],
		['POST', jobs, 'null', {}, 400],
		['PATCH', `${jobs}/twice`, '[{"op":"move"}]', {'Content-Type': 'application/json-patch+json'}, 400],
		['GET', `${jobs}?watch=true&resourceVersion=abc`, undefined, {}, 400],
		['GET', `${jobs}?limit=-3`, undefined, {}, 400],
		['GET', '/api/v1/namespaces/default/pods/x/exec', undefined, {}, 404],
		['DELETE', `${jobs}/twice`, '{"propagationPolicy":"Sideways"}', {}, 422],
	];
	for (const [method, path, body, headers, status] of cases) {
		const reply = await call(sim, method, path, body, headers);
		assert.equal(reply.status, status, `${method} ${path}: ${reply.text}`);
		if (method !== 'OPTIONS' || reply.text) {
			assert.equal(reply.json?.kind, 'Status', `${method} ${path}`);
		}
	}

	assert.equal((await call(sim, 'GET', '/version')).status, 200);
});

test('a PUT of the same object with keys in another order is a no-op; server-side apply creates, then patches', async () => {
	const job = (await call(sim, 'GET', `${jobs}/twice`)).json as Job;
	const reordered = JSON.parse(JSON.stringify(job, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value))) as Job;
	const put = await call(sim, 'PUT', `${jobs}/twice`, reordered);
	assert.equal(put.status, 200);
	assert.equal(put.json.metadata.resourceVersion, job.metadata.resourceVersion);
	assert.equal(put.json.metadata.generation, 1);
	const yaml = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ssa\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: busybox}]\n          restartPolicy: Never\n';
	const headers = {'Content-Type': 'application/apply-patch+yaml'};
	const created = await call(sim, 'PATCH', '/apis/batch/v1/namespaces/default/cronjobs/ssa?fieldManager=kubectl&force=false', yaml, headers);
	assert.equal(created.status, 201);
	assert.equal(created.json.spec.concurrencyPolicy, 'Allow');
	const again = await call(sim, 'PATCH', '/apis/batch/v1/namespaces/default/cronjobs/ssa?fieldManager=kubectl', yaml.replace('0 * * * *', '5 * * * *'), headers);
	assert.equal(again.status, 200);
	assert.equal(again.json.spec.schedule, '5 * * * *');
});
