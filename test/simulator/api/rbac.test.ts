import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {AuthorizationV1Api, BatchV1Api, KubeConfig} from '@kubernetes/client-node';
import type {Simulator} from '../../../source/simulator/index.js';
import {call, startTestSimulator} from '../../helpers/simulator.js';

let sim: Simulator;
let kc: KubeConfig;

before(async () => {
	sim = await startTestSimulator({rbac: [
		{verbs: ['get', 'list', 'watch'], resources: ['jobs'], apiGroups: ['batch'], namespaces: ['team-a']},
		{verbs: ['get'], resources: ['pods', 'pods/log'], apiGroups: ['']},
	]});
	kc = new KubeConfig();
	kc.loadFromString(sim.kubeconfig);
});

after(async () => {
	await sim.stop();
});

test('SelfSubjectAccessReview answers from the rules (client-node)', async () => {
	const auth = kc.makeApiClient(AuthorizationV1Api);
	const ask = async (verb: string, resource: string, group: string, namespace?: string, subresource?: string) => {
		const review = await auth.createSelfSubjectAccessReview({body: {spec: {resourceAttributes: {verb, resource, group, namespace, subresource}}}});
		return review.status?.allowed;
	};

	assert.equal(await ask('list', 'jobs', 'batch', 'team-a'), true);
	assert.equal(await ask('list', 'jobs', 'batch', 'team-b'), false);
	assert.equal(await ask('list', 'jobs', 'batch'), false);
	assert.equal(await ask('delete', 'jobs', 'batch', 'team-a'), false);
	assert.equal(await ask('get', 'pods', '', 'anywhere', 'log'), true);
	sim.setRbac(undefined);
	assert.equal(await ask('delete', 'jobs', 'batch', 'team-b'), true);
	sim.setRbac([{verbs: ['list'], resources: ['jobs'], apiGroups: ['batch'], namespaces: ['team-a']}]);
});

test('a forbidden list is 403 with the real message, namespaced and cluster-wide', async () => {
	sim.setRbac([{verbs: ['list'], resources: ['jobs'], apiGroups: ['batch'], namespaces: ['team-a']}]);
	const namespaced = await call(sim, 'GET', '/apis/batch/v1/namespaces/x/jobs');
	assert.equal(namespaced.status, 403);
	assert.deepEqual(namespaced.json, {
		kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
		message: 'jobs.batch is forbidden: User "kjobs-sim" cannot list resource "jobs" in API group "batch" in the namespace "x"',
		reason: 'Forbidden', details: {group: 'batch', kind: 'jobs'}, code: 403,
	});
	const cluster = await call(sim, 'GET', '/apis/batch/v1/jobs');
	assert.equal(cluster.json.message, 'jobs.batch is forbidden: User "kjobs-sim" cannot list resource "jobs" in API group "batch" at the cluster scope');
	const pods = await call(sim, 'GET', '/api/v1/namespaces/team-a/pods/p1');
	assert.equal(pods.json.message, 'pods "p1" is forbidden: User "kjobs-sim" cannot get resource "pods" in API group "" in the namespace "team-a"');
	const allowed = await call(sim, 'GET', '/apis/batch/v1/namespaces/team-a/jobs');
	assert.equal(allowed.status, 200);
	const batch = kc.makeApiClient(BatchV1Api);
	await assert.rejects(batch.listJobForAllNamespaces(), (error: any) => error.code === 403);
	const discovery = await call(sim, 'GET', '/apis/batch/v1');
	assert.equal(discovery.status, 200);
});

test('SelfSubjectRulesReview lists the rules that apply in a namespace', async () => {
	sim.setRbac([
		{verbs: ['list'], resources: ['jobs'], apiGroups: ['batch'], namespaces: ['team-a']},
		{verbs: ['get'], resources: ['pods']},
	]);
	const reply = await call(sim, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {spec: {namespace: 'team-b'}});
	assert.equal(reply.status, 201);
	assert.deepEqual(reply.json.status.resourceRules, [{verbs: ['get'], apiGroups: ['*'], resources: ['pods']}]);
	assert.equal(reply.json.status.incomplete, false);
});
