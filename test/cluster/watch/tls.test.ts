import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {loadConnection} from '../../../source/cluster/connection/kubeconfig.js';
import {createManualClock} from '../../../source/store/clock.js';
import {startWatchers} from '../../../source/cluster/watch/watcher.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import {start, waitFor} from '../../helpers/cluster.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-tls-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

function selfSigned(): {cert: string; key: string} | undefined {
	try {
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], {stdio: 'ignore'});
		return {cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'), key: readFileSync(path.join(dir, 'key.pem'), 'utf8')};
	} catch {
		return undefined;
	}
}

const pair = selfSigned();

test('TLS: an untrusted certificate is reported with the server; certificate-authority-data makes it trusted', {timeout: 10_000}, async () => {
	assert.ok(pair, 'openssl is not on PATH: this test makes its self-signed certificate with it');
	const server = https.createServer({cert: pair!.cert, key: pair!.key}, (request, response) => {
		response.writeHead(200, {'content-type': 'application/json'});
		if (request.url?.includes('watch=')) {
			response.flushHeaders();
			return;
		}

		response.end(JSON.stringify({kind: 'JobList', metadata: {resourceVersion: '1'}, items: []}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const run = async (caData: string | undefined) => {
		const file = path.join(dir, `config-${caData ? 'ca' : 'plain'}.yaml`);
		const ca = caData ? `, certificate-authority-data: ${Buffer.from(caData).toString('base64')}` : '';
		writeFileSync(file, `clusters: [{name: c, cluster: {server: "${url}"${ca}}}]\nusers: [{name: u, user: {token: kjobs-test-token-123}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`);
		const clock = createManualClock(start);
		const store = createResourceStore({clock});
		const watchers = startWatchers(loadConnection({kubeconfig: file, env: {}, homeDir: dir}), store, clock, {kinds: ['jobs'], backoff: {random: () => 1}});
		// Flushing delivers the store's notification (it waits on the manual clock) without moving time.
		await waitFor('an outcome', () => store.getSnapshot().watch.jobs.phase !== 'connecting', {step: () => store.flush()});
		const state = store.getSnapshot().watch.jobs;
		await watchers.stop();
		return state;
	};

	try {
		assert.deepEqual(await run(undefined), {phase: 'reconnecting', nextAttemptAt: start + 1000, attempt: 1, error: `certificate not trusted (${url}): DEPTH_ZERO_SELF_SIGNED_CERT`});
		assert.deepEqual(await run(pair!.cert), {phase: 'live', since: start});
	} finally {
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	}
});
