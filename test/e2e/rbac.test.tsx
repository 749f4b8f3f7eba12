/**
RBAC end to end: a session whose user may watch everything and manage pods, but not touch jobs (the seed's
ServiceAccount role plus read access). Forbidden actions are refused with the reason and shown disabled in help; a 403
from the server (answers gone stale) reads as the API's denial, never a crash; a namespace switch asks again.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import type {RbacRule} from '../../source/simulator/index.js';
import {type SessionWorld, sessionWorld} from '../helpers/session-world.js';

const rules: RbacRule[] = [
	{apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list', 'patch', 'update', 'delete', 'create']},
	{apiGroups: [''], resources: ['pods/log'], verbs: ['get', 'list']},
	{apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'watch', 'list']},
	{apiGroups: ['', 'events.k8s.io'], resources: ['events', 'namespaces'], verbs: ['get', 'watch', 'list']},
];
const reviews = (world: SessionWorld) => world.sim.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/selfsubjectaccessreviews')).length;
const messageLine = (world: SessionWorld) => world.lines().at(-2) ?? '';
const crumb = (world: SessionWorld) => world.lines()[2] ?? '';

test('forbidden actions: refused with the reason, disabled in help for the view\'s kind, allowed ones still open', async () => {
	const world = await sessionWorld({scenario: 'demo', namespace: 'batch', rbac: rules});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches to go live');
		await world.waitFor(() => reviews(world) === 7, 'the RBAC reviews');
		// The answers arrive asynchronously after the reviews: wait until the session has them.
		const deleteJobs = () => world.session.access.current().permissions['delete-jobs'];
		await world.waitFor(() => deleteJobs().allowed === false, 'the RBAC answers');
		await world.press('\u0004');
		assert.equal(messageLine(world), '! forbidden: cannot delete jobs in namespace batch');
		await world.press('r');
		assert.equal(messageLine(world), '! forbidden: cannot create jobs in namespace batch');
		await world.press('s');
		assert.equal(messageLine(world), '! forbidden: cannot patch jobs in namespace batch');
		await world.press('?');
		const help = world.lines().filter((line) => line.includes('(disabled:'));
		assert.deepEqual(help, [
			'  Ctrl+D             Delete  ⚠ dangerous  (disabled: forbidden: cannot delete jobs in namespace batch)',
			'  r                  Rerun job  (disabled: forbidden: cannot create jobs in namespace batch)',
			'  s                  Suspend/resume  (disabled: forbidden: cannot patch jobs in namespace batch)',
		]);
		// On the pods view, deleting a pod is allowed: help does not disable it and the dialog opens.
		await world.press('\u001B', ':pods\r', '?');
		assert.deepEqual(world.lines().filter((line) => line.includes('(disabled:')), []);
		await world.press('\u001B', '\u0004');
		assert.match(world.frame(), /Delete pod batch\/\S+\?/);
		await world.press('n');
		assert.equal(messageLine(world), 'Delete pod: cancelled');
		assert.equal(world.sim.requests.filter((request) => request.method === 'DELETE').length, 0);
		// Switching the namespace asks again, for the new scope.
		await world.press(':ns default\r');
		await world.waitFor(() => reviews(world) === 14, 'the reviews for namespace default');
		await world.waitFor(() => deleteJobs().reason === 'forbidden: cannot delete jobs in namespace default', 'the answers for namespace default');
		// The store starts over for the new scope: wait for its jobs before pressing.
		await world.press(':jobs\r');
		await world.waitFor((frame) => frame.includes('pi-with-ttl'), 'the jobs of namespace default');
		await world.press('\u0004');
		assert.equal(messageLine(world), '! forbidden: cannot delete jobs in namespace default');
	} finally {
		await world.stop();
	}
});

test('a 403 from the server (stale answers) is shown as the API\'s denial, and nothing changes', async () => {
	const stale = {readOnly: undefined, permissions: allAllowed};
	const world = await sessionWorld({scenario: 'demo', namespace: 'batch', rbac: rules, access: {current: () => stale, subscribe: () => () => {}}});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches to go live');
		await world.press('/memory-hog', '\r', '\u0004', 'y');
		await world.waitFor(() => messageLine(world) === '✗ forbidden: cannot delete jobs in namespace batch', 'the 403');
		assert.equal(crumb(world), 'Jobs');
		assert.match(world.lines()[4] ?? '', /^memory-hog +Failed/);
	} finally {
		await world.stop();
	}
});
