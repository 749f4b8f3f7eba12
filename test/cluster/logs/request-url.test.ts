import assert from 'node:assert/strict';
import {test} from 'node:test';
import {KubeConfig} from '@kubernetes/client-node';
import {requestLog} from '../../../source/cluster/logs/request.js';
import type {ReceivedLine} from '../../../source/cluster/logs/lines.js';
import {loopbackKubeconfig, startLoopbackApi} from '../../helpers/loopback-api.js';

test('the pods/log URL carries hostile names encoded: a slash, ?, # or & in a name cannot reach another path or add a parameter', {timeout: 10_000}, async () => {
	const server = await startLoopbackApi({tls: true, answer(_request, response) {
		response.writeHead(200, {'content-type': 'text/plain'});
		response.end('2026-11-23T10:00:00Z hello\n');
	}});
	const kc = new KubeConfig();
	kc.loadFromString(loopbackKubeconfig(server.url, '{token: kjobs-fake-token}'));
	const lines: ReceivedLine[] = [];
	try {
		const result = await requestLog(kc, {namespace: 'ns/../evil', pod: '../../secrets?watch=1#x', container: 'main&previous=true', follow: false}, line => lines.push(line), {add: () => () => {}, closed: false});
		assert.deepEqual(result, {outcome: 'end'});
		assert.deepEqual(lines.map(line => line.text), ['hello']);
		const url = new URL(server.seen[0]!.url, 'https://x');
		assert.equal(url.pathname, '/api/v1/namespaces/ns%2F..%2Fevil/pods/..%2F..%2Fsecrets%3Fwatch%3D1%23x/log');
		assert.deepEqual([...url.searchParams], [['container', 'main&previous=true'], ['timestamps', 'true']]);
	} finally {
		await server.stop();
	}
});
