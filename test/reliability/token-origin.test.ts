import assert from 'node:assert/strict';
import {existsSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {callOptions, createActionContext} from '../../source/cluster/actions/context.js';
import {openGate} from '../../source/cluster/actions/gate.js';
import {requestLog} from '../../source/cluster/logs/request.js';
import {checkPermissions} from '../../source/cluster/actions/permissions.js';
import {createSystemClock} from '../../source/store/clock.js';
import {startSession} from '../../source/session/session.js';
import {connectionFrom, fakeToken, tempDir, waitFor} from '../helpers/reliability.js';
import {emptyApi, loopbackKubeconfig, startLoopbackApi} from '../helpers/loopback-api.js';

const dir = tempDir('kjobs-origin-');
const registry = {add: () => () => {}, closed: false};
const logTarget = {namespace: 'default', pod: 'p', container: 'main', follow: false};

test('plain http: no token, no basic auth and no exec plugin, as kubectl (watches, permission checks, logs)', {timeout: 20_000}, async () => {
	const server = await startLoopbackApi();
	const marker = path.join(dir, 'plugin-ran');
	const plugin = path.join(dir, 'plugin.sh');
	writeFileSync(plugin, `#!/bin/sh\ntouch ${marker}\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${fakeToken}"}}'\n`, {mode: 0o755});
	const users = {
		token: `{token: ${fakeToken}}`,
		basic: `{username: alice, password: ${fakeToken}}`,
		exec: `{exec: {apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, interactiveMode: Never}}`,
	};
	try {
		for (const [name, user] of Object.entries(users)) {
			const connection = connectionFrom(dir, loopbackKubeconfig(server.url, user));
			const session = startSession({connection, demo: false});
			const before = server.seen.length;
			await waitFor(`${name}: the watches and the permission checks`, () => server.seen.slice(before).filter(seen => seen.url.includes('selfsubjectaccessreviews')).length === 7 && server.seen.slice(before).some(seen => seen.url.includes('watch=')), {ms: 8000});
			await requestLog(connection.kubeConfig, logTarget, () => {}, registry);
			await session.stop();
			const sent = server.seen.slice(before).filter(seen => seen.authorization !== undefined).map(seen => `${name}: ${seen.method} ${seen.url.split('?')[0]}`);
			assert.deepEqual(sent, [], `${name}: credentials sent in cleartext`);
		}

		assert.equal(existsSync(marker), false, 'the exec plugin ran for an http server');
	} finally {
		await server.stop();
	}
});

test('a redirect to another port never carries the token: logs, permission checks and actions are not followed', {timeout: 20_000}, async () => {
	const elsewhere = await startLoopbackApi({tls: true});
	const api = await startLoopbackApi({tls: true, answer(request, response, body) {
		if (request.url?.includes('/log') || request.url?.includes('selfsubjectaccessreviews') || request.url?.includes('/jobs/')) {
			response.writeHead(request.method === 'GET' ? 302 : 307, {location: `${elsewhere.url}${request.url}`});
			response.end();
			return;
		}

		emptyApi(request, response, body);
	}});
	try {
		const connection = connectionFrom(dir, loopbackKubeconfig(api.url, `{token: ${fakeToken}}`));
		const permissions = await checkPermissions(connection.kubeConfig, openGate, 'default');
		const log = await requestLog(connection.kubeConfig, logTarget, () => {}, registry);
		const actions = createActionContext(connection.kubeConfig, openGate, createSystemClock());
		await assert.rejects(actions.batch.deleteNamespacedJob({name: 'x', namespace: 'default'}, callOptions(actions)));
		assert.ok(api.seen.some(seen => seen.method === 'DELETE'));
		assert.ok(api.seen.some(seen => seen.url.includes('/log') && seen.authorization === `Bearer ${fakeToken}`), 'the API server itself gets the token');
		assert.deepEqual(elsewhere.seen.filter(seen => seen.authorization !== undefined).map(seen => `${seen.method} ${seen.url.split('?')[0]}`), [], 'the token went to another origin');
		assert.equal(log.outcome, 'refused');
		// A check that cannot be answered counts as allowed (the action reports the API's own answer).
		assert.equal(permissions['delete-jobs'].allowed, true);
	} finally {
		await api.stop();
		await elsewhere.stop();
	}
});
