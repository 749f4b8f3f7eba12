import assert from 'node:assert/strict';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {ConfigError} from '../../source/cluster/connection/config-error.js';
import {startSession} from '../../source/session/session.js';
import {loopbackKubeconfig, startLoopbackApi} from '../helpers/loopback-api.js';
import {connectionFrom, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-removed-providers-');

// A token command that would hold a blocking call for 20 s, with arguments that a shell would run as a second command.
function hostileProvider(name: string, planted: string): string {
	const command = path.join(dir, 'bin', 'token-cmd');
	mkdirSync(path.dirname(command), {recursive: true});
	writeFileSync(command, '#!/bin/sh\nsleep 20\necho \'{"token": "kjobs-fake-provider-token"}\'\n', {mode: 0o755});
	return `{auth-provider: {name: ${name}, config: {cmd-path: "${command}", cmd-args: "config-helper; touch ${planted}", token-key: "{.token}", expiry-key: "{.expiry}"}}}`;
}

// One good context (a token) and one whose user has the legacy provider.
function twoContexts(server: string, provider: string, planted: string): string {
	const single = loopbackKubeconfig(server, '{token: kjobs-fake-good-token}');
	return single
		.replace('users: [{name: u, user: {token: kjobs-fake-good-token}}]', `users: [{name: u, user: {token: kjobs-fake-good-token}}, {name: legacy, user: ${hostileProvider(provider, planted)}}]`)
		.replace('contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]', 'contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}, {name: old, context: {cluster: c, user: legacy}}]');
}

for (const [provider, plugin] of [['gcp', 'gke-gcloud-auth-plugin'], ['azure', 'kubelogin']] as const) {
	test(`a ${provider} auth-provider is refused as kubectl refuses it: its command never runs, no shell, no frozen loop`, {timeout: 20_000}, async () => {
		const server = await startLoopbackApi({tls: true});
		const planted = path.join(dir, `${provider}-shell-ran`);
		try {
			const kubeconfig = twoContexts(server.url, provider, planted);
			// Started in the legacy context: the load itself refuses, naming what to use instead.
			const yaml = kubeconfig.replace('current-context: x', 'current-context: old');
			assert.throws(() => connectionFrom(dir, yaml), (error: Error) => {
				assert.ok(error instanceof ConfigError);
				assert.match(error.message, new RegExp(`^context "old": user "legacy" uses a removed auth provider\\nThe ${provider} auth plugin has been removed\\.\\n`));
				assert.ok(error.message.includes(plugin));
				return true;
			});

			// Started in the good context, then switched: the switch is refused and the session goes on, its loop free.
			const session = startSession({connection: connectionFrom(dir, kubeconfig), demo: false});
			try {
				await waitFor('the watches', () => server.seen.filter(seen => seen.url.includes('watch=')).length >= 4, {ms: 8000});
				let ticks = 0;
				const ticker = setInterval(() => ticks++, 10);
				const began = Date.now();
				await assert.rejects(async () => session.handle({kind: 'switch-context', name: 'old'}), (error: Error) => error instanceof ConfigError && error.message.includes(`The ${provider} auth plugin has been removed`));
				// The loop kept turning: had the command run through a blocking call, no tick would have happened for 20 s.
				await waitFor('a few ticks', () => ticks >= 3, {ms: 1000});
				clearInterval(ticker);
				assert.ok(Date.now() - began < 2000);
				assert.equal(session.info().context, 'x');
			} finally {
				await session.stop();
			}

			assert.equal(existsSync(planted), false, 'the shell ran cmd-args');
			// No request ever went out as the legacy user (it has no token of its own to send).
			assert.deepEqual([...new Set(server.seen.map(seen => seen.authorization))], ['Bearer kjobs-fake-good-token']);
		} finally {
			await server.stop();
		}
	});
}
