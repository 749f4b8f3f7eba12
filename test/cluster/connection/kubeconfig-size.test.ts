/**
A large kubeconfig (tens of thousands of contexts, as some fleet tools write) loads in seconds: merging stays linear
and the file is parsed once. Reading 10 MB took 9.7 s before, most of it a second YAML parse and a merge that compared
every entry with every other; 50 MB would have taken minutes.
*/
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {loadConnection} from '../../../source/cluster/connection/kubeconfig.js';

function bigKubeconfig(entries: number): string {
	const parts = ['apiVersion: v1\nkind: Config\ncurrent-context: ctx-7\nclusters:\n'];
	for (let i = 0; i < entries; i++) {
		parts.push(`- name: cluster-${i}\n  cluster:\n    server: https://api-${i}.example.test:6443\n    certificate-authority-data: ${'QUJD'.repeat(60)}\n`);
	}

	parts.push('users:\n');
	for (let i = 0; i < entries; i++) {
		parts.push(`- name: user-${i}\n  user:\n    token: example-token-${i}\n`);
	}

	parts.push('contexts:\n');
	for (let i = 0; i < entries; i++) {
		parts.push(`- name: ctx-${i}\n  context:\n    cluster: cluster-${i}\n    user: user-${i}\n    namespace: ns-${i}\n`);
	}

	return parts.join('');
}

test('a kubeconfig of 40,000 clusters, users and contexts (about 20 MB) loads in seconds', {timeout: 60_000}, () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-bigconfig-'));
	const file = path.join(dir, 'config');
	writeFileSync(file, bigKubeconfig(40_000));
	// CPU time, not wall time: on a machine busy with other work the wall clock measures the neighbours too.
	const started = process.cpuUsage();
	const connection = loadConnection({kubeconfig: file, env: {}, homeDir: dir});
	const used = process.cpuUsage(started);
	const ms = (used.user + used.system) / 1000;
	assert.deepEqual([connection.context, connection.namespace, connection.server], ['ctx-7', 'ns-7', 'https://api-7.example.test:6443']);
	// About 1 s here; the quadratic merge alone took over 20 s at this size.
	assert.ok(ms < 8000, `took ${Math.round(ms)} ms of CPU`);
});
