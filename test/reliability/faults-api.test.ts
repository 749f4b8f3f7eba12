import assert from 'node:assert/strict';
import {createPrivateKey, X509Certificate} from 'node:crypto';
import http from 'node:http';
import {test} from 'node:test';
import {chaosRates, parseFaults} from '../../source/simulator/faults/spec.js';
import {startSimulator} from '../../source/simulator/index.js';
import {simulateMain} from '../../source/simulator/main.js';
import {generateTls} from '../../source/simulator/tls/tls.js';
import {fakeToken, start} from '../helpers/reliability.js';

test('fault specs: each rate, chaos, none; bad ones refused with the reason', () => {
	assert.deepEqual(parseFaults('drop=0.05, expire=0.02,error=1,throttle=0,stall=0.01,slow=0.5,truncate=0.01,restart=0.001'), {drop: 0.05, expire: 0.02, error: 1, throttle: 0, stall: 0.01, slow: 0.5, truncate: 0.01, restart: 0.001});
	assert.deepEqual(parseFaults('chaos'), chaosRates);
	assert.deepEqual(parseFaults('none'), {});
	assert.throws(() => parseFaults('explode=0.1'), {message: 'unknown fault "explode" (known: drop, expire, error, throttle, stall, slow, truncate, restart, or chaos)'});
	assert.throws(() => parseFaults('drop=2'), {message: 'invalid rate for fault drop: "2" (a number from 0 to 1)'});
	assert.throws(() => parseFaults('drop'), {message: 'invalid rate for fault drop: "" (a number from 0 to 1)'});
});

test('kjobs simulate refuses a bad --faults spec with exit 1', async () => {
	const err: string[] = [];
	const code = await simulateMain(['--faults', 'drop=lots'], {stdout: () => {}, stderr: text => err.push(text), onSignal: () => {}});
	assert.equal(code, 1);
	assert.deepEqual(err, ['kjobs simulate: invalid rate for fault drop: "lots" (a number from 0 to 1)\n']);
});

test('generated TLS: a CA and a server certificate it signed, for loopback, valid around now', () => {
	const tls = generateTls(start);
	const ca = new X509Certificate(tls.ca);
	const cert = new X509Certificate(tls.cert);
	assert.equal(ca.ca, true);
	assert.equal(cert.ca, false);
	assert.equal(cert.verify(ca.publicKey), true);
	assert.equal(cert.checkIssued(ca), true);
	assert.equal(cert.subjectAltName, 'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost');
	assert.equal(Date.parse(cert.validFrom), start - 86_400_000);
	assert.equal(Date.parse(cert.validTo), start + 86_400_000);
	assert.equal(cert.checkPrivateKey(createPrivateKey(tls.key)), true);
});

async function get(url: string, headers: Record<string, string> = {}): Promise<{status: number; headers: http.IncomingHttpHeaders; body: string}> {
	return new Promise((resolve, reject) => {
		http.get(url, {headers}, response => {
			let body = '';
			response.on('data', (chunk: Buffer) => {
				body += chunk.toString();
			});
			response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, body}));
		}).on('error', reject);
	});
}

test('the simulator with --token answers 401 without it; faults answer 500/503, 429 with Retry-After, 410 in the stream', {timeout: 10_000}, async () => {
	const sim = await startSimulator({token: fakeToken, seed: 1});
	try {
		const denied = await get(`${sim.url}/apis/batch/v1/jobs`, {authorization: 'Bearer nope'});
		assert.deepEqual({status: denied.status, body: JSON.parse(denied.body) as unknown}, {status: 401, body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401}});
		const auth = {authorization: `Bearer ${fakeToken}`};
		assert.equal((await get(`${sim.url}/apis/batch/v1/jobs`, auth)).status, 200);

		sim.setFaults({throttle: 1});
		const throttled = await get(`${sim.url}/apis/batch/v1/jobs`, auth);
		assert.equal(throttled.status, 429);
		assert.equal(throttled.headers['retry-after'], '1');
		assert.equal((JSON.parse(throttled.body) as {reason: string}).reason, 'TooManyRequests');

		sim.setFaults('error=1');
		const failed = await get(`${sim.url}/apis/batch/v1/namespaces/default/jobs`, auth);
		assert.ok([500, 503].includes(failed.status), String(failed.status));
		// Discovery, single objects and writes are never faulted.
		assert.equal((await get(`${sim.url}/apis/batch/v1`, auth)).status, 200);

		sim.setFaults({expire: 1});
		const expired = await get(`${sim.url}/apis/batch/v1/jobs?watch=1&resourceVersion=1000`, auth);
		assert.equal(expired.status, 200);
		assert.match(expired.body, /^\{"type":"ERROR","object":\{"kind":"Status",.*"reason":"Expired","code":410\}\}\n$/);
		sim.setFaults('none');
		assert.deepEqual({...sim.faultCounts}, {drop: 0, expire: 1, error: 1, throttle: 1, stall: 0, slow: 0, truncate: 0, restart: 0});
	} finally {
		await sim.stop();
	}
});
