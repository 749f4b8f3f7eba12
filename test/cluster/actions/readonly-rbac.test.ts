import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {createActionContext} from '../../../source/cluster/actions/context.js';
import {rerunAsCopy, rerunReplacing, triggerCronJob} from '../../../source/cluster/actions/create.js';
import {deleteObject} from '../../../source/cluster/actions/delete.js';
import {openGate, readOnlyGate, ReadOnlyError} from '../../../source/cluster/actions/gate.js';
import {performAction} from '../../../source/cluster/actions/perform.js';
import {setSuspended} from '../../../source/cluster/actions/suspend.js';
import type {ActionRequest} from '../../../source/cluster/actions/types.js';
import {checkPermissions} from '../../../source/cluster/actions/permissions.js';
import type {RbacRule} from '../../../source/simulator/index.js';
import {type ActionWorld, actionWorld, cronJob, jobWithPods, writesSince} from '../../helpers/actions.js';

let world: ActionWorld | undefined;
afterEach(async () => {
	await world?.stop();
	world = undefined;
});

/** The seed's ServiceAccount role (test/fixtures/seed-manifests/rbac.yaml): pods yes, jobs no. */
const podUpdater: RbacRule[] = [
	{apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list', 'patch', 'update', 'delete', 'create']},
	{apiGroups: [''], resources: ['pods/log'], verbs: ['get', 'list']},
];

test('read-only: every action function is refused before anything is sent', async () => {
	world = await actionWorld();
	const job = await jobWithPods(world, 'pi', 1);
	const cron = await cronJob(world, 'nightly');
	const context = createActionContext(world.kc, readOnlyGate('--readonly'), world.appClock, {pollMs: 10});
	const from = world.requests.length;
	const refused = (error: unknown) => error instanceof ReadOnlyError && error.message === 'read-only: kjobs was started with --readonly';
	await assert.rejects(deleteObject(context, 'jobs', {namespace: 'batch', name: 'pi'}, 'Background'), refused);
	await assert.rejects(deleteObject(context, 'pods', {namespace: 'batch', name: 'x'}, 'Orphan'), refused);
	await assert.rejects(deleteObject(context, 'cronjobs', {namespace: 'batch', name: 'nightly'}, 'Foreground'), refused);
	await assert.rejects(rerunAsCopy(context, job), refused);
	await assert.rejects(rerunReplacing(context, job), refused);
	await assert.rejects(triggerCronJob(context, cron), refused);
	await assert.rejects(setSuspended(context, 'cronjobs', {namespace: 'batch', name: 'nightly'}, true), refused);
	await assert.rejects(setSuspended(context, 'jobs', {namespace: 'batch', name: 'pi'}, false), refused);
	const requests: ActionRequest[] = [
		{kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'pi'}, propagation: 'Background'},
		{kind: 'rerun', job, mode: 'copy'},
		{kind: 'rerun', job, mode: 'replace'},
		{kind: 'trigger', cronJob: cron},
		{kind: 'suspend', resource: 'cronjobs', target: {namespace: 'batch', name: 'nightly'}, suspend: true},
	];
	const demo = createActionContext(world.kc, readOnlyGate('--demo'), world.appClock);
	for (const request of requests) {
		assert.deepEqual(await performAction(demo, request), {ok: false, message: 'read-only: kjobs was started with --demo'});
	}

	const permissions = await checkPermissions(world.kc, readOnlyGate('--demo'), 'batch');
	assert.deepEqual(permissions['delete-jobs'], {allowed: false, reason: 'read-only: kjobs was started with --demo'});
	assert.deepEqual(permissions['get-pods-log'], {allowed: true});
	assert.deepEqual(world.requests.slice(from).filter(request => request.method !== 'GET'), []);
	assert.ok(world.store.get('Job', 'batch', 'pi'));
});

test('RBAC: with the seed ServiceAccount role the job actions are denied with a reason, pods and logs allowed', async () => {
	world = await actionWorld();
	world.setRbac(podUpdater);
	assert.deepEqual(await checkPermissions(world.kc, openGate, 'batch'), {
		'delete-jobs': {allowed: false, reason: 'forbidden: cannot delete jobs in namespace batch'},
		'create-jobs': {allowed: false, reason: 'forbidden: cannot create jobs in namespace batch'},
		'patch-jobs': {allowed: false, reason: 'forbidden: cannot patch jobs in namespace batch'},
		'patch-cronjobs': {allowed: false, reason: 'forbidden: cannot patch cronjobs in namespace batch'},
		'delete-cronjobs': {allowed: false, reason: 'forbidden: cannot delete cronjobs in namespace batch'},
		'delete-pods': {allowed: true},
		'get-pods-log': {allowed: true},
	});
	world.setRbac([{apiGroups: ['batch'], resources: ['jobs'], verbs: ['delete'], namespaces: ['batch']}]);
	const wide = await checkPermissions(world.kc, openGate, undefined);
	assert.deepEqual(wide['delete-jobs'], {allowed: false, reason: 'forbidden: cannot delete jobs in all namespaces (:ns NAME checks one namespace)'});
	assert.deepEqual(wide['get-pods-log'], {allowed: false, reason: 'forbidden: cannot get pods/log in all namespaces (:ns NAME checks one namespace)'});
	const scoped = await checkPermissions(world.kc, openGate, 'batch');
	assert.deepEqual(scoped['delete-jobs'], {allowed: true});
	const reviews = world.requests.filter(request => request.path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
	assert.equal(reviews.length, 21);
});

test('RBAC: a 403 from the server reads as one short line, never a crash', async () => {
	world = await actionWorld();
	const job = await jobWithPods(world, 'pi', 1);
	const cron = await cronJob(world, 'nightly');
	world.setRbac(podUpdater);
	const from = world.requests.length;
	assert.deepEqual(await performAction(world.context, {kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'pi'}, propagation: 'Background'}), {ok: false, message: 'forbidden: cannot delete jobs in namespace batch', forbidden: true});
	assert.deepEqual(await performAction(world.context, {kind: 'rerun', job, mode: 'copy'}), {ok: false, message: 'forbidden: cannot create jobs in namespace batch', forbidden: true});
	assert.deepEqual(await performAction(world.context, {kind: 'trigger', cronJob: cron}), {ok: false, message: 'forbidden: cannot create jobs in namespace batch', forbidden: true});
	assert.deepEqual(await performAction(world.context, {kind: 'suspend', resource: 'cronjobs', target: {namespace: 'batch', name: 'nightly'}, suspend: true}), {ok: false, message: 'forbidden: cannot patch cronjobs in namespace batch', forbidden: true});
	assert.equal(writesSince(world.requests, from).length, 4);
	// Replace may delete but not create: the dry run finds out first, so the old job is never lost.
	world.setRbac([...podUpdater, {apiGroups: ['batch'], resources: ['jobs'], verbs: ['delete', 'get']}]);
	const replaceFrom = world.requests.length;
	assert.deepEqual(await performAction(world.context, {kind: 'rerun', job, mode: 'replace'}), {ok: false, message: 'forbidden: cannot create jobs in namespace batch', forbidden: true});
	assert.deepEqual(writesSince(world.requests, replaceFrom), ['POST /apis/batch/v1/namespaces/batch/jobs?dryRun=All&fieldManager=kjobs application/json']);
	assert.ok(world.store.get('Job', 'batch', 'pi'));
	// And one that may create but not delete reads as a delete refusal.
	world.setRbac([...podUpdater, {apiGroups: ['batch'], resources: ['jobs'], verbs: ['create', 'get']}]);
	assert.deepEqual(await performAction(world.context, {kind: 'rerun', job, mode: 'replace'}), {ok: false, message: 'forbidden: cannot delete jobs in namespace batch', forbidden: true});
	assert.ok(world.store.get('Job', 'batch', 'pi'));
});
