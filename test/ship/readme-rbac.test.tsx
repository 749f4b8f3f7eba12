/**
The readme's RBAC rules, applied to the simulated cluster: the read-only ClusterRole is enough to watch every kind in
all namespaces, grants no action, and the extra rules grant every action kjobs checks for.
*/
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {parse} from 'yaml';
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import type {RbacRule} from '../../source/simulator/index.js';
import {sessionWorld} from '../helpers/session-world.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../readme.md'), 'utf8');
const rbacSection = readme.slice(readme.indexOf('## RBAC'), readme.indexOf('## Keybindings'));
const [roleYaml = '', extraYaml = ''] = [...rbacSection.matchAll(/```yaml\n([\s\S]*?)\n```/g)].map((match) => match[1]);
const viewer = (parse(roleYaml) as {rules: RbacRule[]}).rules;
const extra = parse(extraYaml.replace(/^ {2}/gm, '')) as RbacRule[];

const permissionsOf = async (rules: RbacRule[]) => {
	const world = await sessionWorld({scenario: 'demo', rbac: rules});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches of all four kinds to go live');
		const permissions = () => world.session.access.current().permissions;
		// Until the SelfSubjectAccessReviews are answered the session assumes everything is allowed (allAllowed).
		await world.waitFor(() => permissions() !== allAllowed, 'the RBAC answers');
		return Object.fromEntries(Object.entries(permissions()).map(([key, permission]) => [key, permission.allowed]));
	} finally {
		await world.stop();
	}
};

test('the readme\'s rules parse into the RBAC the simulator enforces', () => {
	assert.deepEqual(viewer, [
		{apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'list', 'watch']},
		{apiGroups: [''], resources: ['pods', 'pods/log', 'events'], verbs: ['get', 'list', 'watch']},
	]);
	assert.equal(extra.length, 3);
});

test('the read-only ClusterRole watches everything across namespaces and allows only logs', {timeout: 30_000}, async () => {
	assert.deepEqual(await permissionsOf(viewer), {
		'delete-jobs': false, 'create-jobs': false, 'patch-jobs': false, 'patch-cronjobs': false,
		'delete-cronjobs': false, 'delete-pods': false, 'get-pods-log': true,
	});
});

test('with the extra rules every action is allowed', {timeout: 30_000}, async () => {
	assert.deepEqual(await permissionsOf([...viewer, ...extra]), {
		'delete-jobs': true, 'create-jobs': true, 'patch-jobs': true, 'patch-cronjobs': true,
		'delete-cronjobs': true, 'delete-pods': true, 'get-pods-log': true,
	});
});
