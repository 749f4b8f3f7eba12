import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {ConfigError} from '../../../source/cluster/connection/config-error.js';
import {displayUrl, loadConnection} from '../../../source/cluster/connection/kubeconfig.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-kubeconfig-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

const token = 'kjobs-test-token-123';

function config(name: string, options: {contexts?: Array<{name: string; cluster?: string; user?: string; namespace?: string}>; current?: string; server?: string; cluster?: string; user?: string} = {}): string {
	const cluster = options.cluster ?? `${name}-cluster`;
	const user = options.user ?? `${name}-user`;
	const contexts = options.contexts ?? [{name}];
	const lines = [
		'apiVersion: v1',
		'kind: Config',
		'clusters:',
		`- name: ${cluster}`,
		'  cluster:',
		`    server: ${options.server ?? 'https://10.0.0.1:6443'}`,
		'users:',
		`- name: ${user}`,
		'  user:',
		`    token: ${token}`,
		'contexts:',
		...contexts.flatMap(context => [
			`- name: ${context.name}`,
			'  context:',
			`    cluster: ${context.cluster ?? cluster}`,
			`    user: ${context.user ?? user}`,
			...(context.namespace ? [`    namespace: ${context.namespace}`] : []),
		]),
	];
	if (options.current !== undefined) {
		lines.push(`current-context: ${options.current}`);
	}

	return lines.join('\n') + '\n';
}

function file(name: string, text: string): string {
	const full = path.join(dir, name);
	mkdirSync(path.dirname(full), {recursive: true});
	writeFileSync(full, text);
	return full;
}

function configError(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
		assert.ok(!error.message.includes(token), 'no credential in the message');
		return error.message;
	}

	assert.fail('expected a ConfigError');
}

const emptyHome = path.join(dir, 'empty-home');
mkdirSync(emptyHome, {recursive: true});

test('--kubeconfig: current context, its namespace and the server', () => {
	const kubeconfig = file('a.yaml', config('a', {contexts: [{name: 'a', namespace: 'team'}], current: 'a'}));
	const connection = loadConnection({kubeconfig, env: {}, homeDir: emptyHome});
	assert.equal(connection.context, 'a');
	assert.equal(connection.namespace, 'team');
	assert.equal(connection.contextNamespace, 'team');
	assert.equal(connection.server, 'https://10.0.0.1:6443');
	assert.equal(connection.describeServer(), 'https://10.0.0.1:6443');
	assert.equal(connection.source, kubeconfig);
	assert.equal(connection.kubeConfig.getCurrentContext(), 'a');
});

test('-n overrides the context namespace, -A means all, and a context without one uses "default"', () => {
	const kubeconfig = file('b.yaml', config('b', {current: 'b'}));
	assert.equal(loadConnection({kubeconfig, env: {}, homeDir: emptyHome}).namespace, 'default');
	assert.equal(loadConnection({kubeconfig, namespace: 'x', env: {}, homeDir: emptyHome}).namespace, 'x');
	assert.equal(loadConnection({kubeconfig, allNamespaces: true, env: {}, homeDir: emptyHome}).namespace, undefined);
});

test('KUBECONFIG merges several files; the first to define a name or current context wins; missing files are skipped', () => {
	const one = file('merge/one.yaml', config('one', {contexts: [{name: 'shared', namespace: 'first'}, {name: 'one'}], current: 'one'}));
	const two = file('merge/two.yaml', config('two', {contexts: [{name: 'shared', namespace: 'second'}, {name: 'two'}], current: 'two'}));
	const env = {KUBECONFIG: [path.join(dir, 'missing.yaml'), one, two].join(path.delimiter)};
	const connection = loadConnection({env, homeDir: emptyHome});
	assert.equal(connection.context, 'one');
	assert.deepEqual(connection.contexts, ['shared', 'one', 'two']);
	assert.equal(loadConnection({env, homeDir: emptyHome, context: 'shared'}).namespace, 'first');
	assert.equal(loadConnection({env, homeDir: emptyHome, context: 'two'}).context, 'two');
});

test('~/.kube/config is used when KUBECONFIG is not set', () => {
	const home = path.join(dir, 'home');
	file('home/.kube/config', config('home', {current: 'home'}));
	assert.equal(loadConnection({env: {}, homeDir: home}).context, 'home');
});

test('an http:// server works without insecure-skip-tls-verify (client-node would refuse it)', async () => {
	const kubeconfig = file('http.yaml', config('h', {current: 'h', server: 'http://127.0.0.1:8001'}));
	const connection = loadConnection({kubeconfig, env: {}, homeDir: emptyHome});
	const options = await connection.kubeConfig.applyToFetchOptions({});
	assert.equal(connection.kubeConfig.getCurrentCluster()?.skipTLSVerify, true);
	assert.equal((options.agent as {protocol?: string}).protocol, 'http:');
});

test('the in-cluster service account is used when there is no kubeconfig', () => {
	const sa = path.join(dir, 'sa');
	file('sa/token', token);
	file('sa/namespace', 'batch-team\n');
	file('sa/ca.crt', '');
	const connection = loadConnection({env: {KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443'}, homeDir: emptyHome, serviceAccountDir: sa});
	assert.equal(connection.server, 'https://10.96.0.1:443');
	assert.equal(connection.namespace, 'batch-team');
	assert.equal(connection.source, 'in-cluster service account');
});

test('describeServer drops user info and query', () => {
	assert.equal(displayUrl('https://admin:secret@example.com:6443/?x=1'), 'https://example.com:6443');
	assert.equal(displayUrl('https://example.com/k8s/clusters/c-1'), 'https://example.com/k8s/clusters/c-1');
});

test('no kubeconfig anywhere: says where kjobs looked and suggests --demo', () => {
	const message = configError(() => loadConnection({env: {}, homeDir: emptyHome, serviceAccountDir: path.join(dir, 'no-sa')}));
	assert.equal(
		message,
		`no kubeconfig found: looked at KUBECONFIG (not set), ${path.join(emptyHome, '.kube', 'config')}, the in-cluster service account\nuse --kubeconfig FILE, or try \`kjobs --demo\` for a simulated cluster`,
	);
	const missing = path.join(dir, 'nope.yaml');
	assert.equal(
		configError(() => loadConnection({env: {KUBECONFIG: missing}, homeDir: emptyHome, serviceAccountDir: path.join(dir, 'no-sa')})),
		`no kubeconfig found: looked at KUBECONFIG (${missing}: no such file), the in-cluster service account\nuse --kubeconfig FILE, or try \`kjobs --demo\` for a simulated cluster`,
	);
});

test('--kubeconfig naming a missing file or a directory', () => {
	const missing = path.join(dir, 'absent.yaml');
	assert.equal(configError(() => loadConnection({kubeconfig: missing, env: {}, homeDir: emptyHome})), `cannot read kubeconfig ${missing}: no such file`);
	assert.equal(configError(() => loadConnection({kubeconfig: dir, env: {}, homeDir: emptyHome})), `cannot read kubeconfig ${dir}: it is a directory`);
});

test('malformed YAML: the file, the reason and the line, without quoting the file', () => {
	const broken = file('broken.yaml', `users:\n- name: u\n  user:\n    token: ${token}\n  bad: : :\n`);
	assert.equal(configError(() => loadConnection({kubeconfig: broken, env: {}, homeDir: emptyHome})), `kubeconfig ${broken} is not valid: bad indentation of a mapping entry (line 5)`);
	const incomplete = file('incomplete.yaml', 'clusters:\n- name: c\n  cluster: {}\n');
	assert.equal(configError(() => loadConnection({kubeconfig: incomplete, env: {}, homeDir: emptyHome})), `kubeconfig ${incomplete} is not valid: clusters[0].cluster.server is missing`);
	const scalar = file('scalar.yaml', 'just text\n');
	assert.equal(
		configError(() => loadConnection({kubeconfig: scalar, env: {}, homeDir: emptyHome})),
		`kubeconfig ${scalar} is not valid: not a kubeconfig (expected a mapping with clusters, contexts and users)`,
	);
});

test('unknown context: the name and the contexts that exist', () => {
	const kubeconfig = file('ctx.yaml', config('c', {contexts: [{name: 'prod'}, {name: 'staging'}], current: 'prod'}));
	assert.equal(
		configError(() => loadConnection({kubeconfig, context: 'dev', env: {}, homeDir: emptyHome})),
		`context "dev" is not in the kubeconfig (${kubeconfig})\ncontexts: prod, staging`,
	);
	const dangling = file('dangling.yaml', config('d', {contexts: [{name: 'prod'}], current: 'gone'}));
	assert.equal(configError(() => loadConnection({kubeconfig: dangling, env: {}, homeDir: emptyHome})), `the current context "gone" is not in the kubeconfig (${dangling})\ncontexts: prod`);
});

test('no current context', () => {
	const kubeconfig = file('nocurrent.yaml', config('n', {contexts: [{name: 'prod'}, {name: 'dev'}]}));
	assert.equal(
		configError(() => loadConnection({kubeconfig, env: {}, homeDir: emptyHome})),
		`the kubeconfig (${kubeconfig}) has no current context\nchoose one with --context (contexts: prod, dev)`,
	);
	const empty = file('empty.yaml', '');
	assert.equal(configError(() => loadConnection({kubeconfig: empty, env: {}, homeDir: emptyHome})), `the kubeconfig (${empty}) has no current context\nchoose one with --context (contexts: none)`);
});

test('a context naming a cluster or user that does not exist', () => {
	const kubeconfig = file('refs.yaml', config('r', {contexts: [{name: 'a', cluster: 'ghost'}, {name: 'b', user: 'nobody'}], current: 'a'}));
	assert.equal(configError(() => loadConnection({kubeconfig, env: {}, homeDir: emptyHome})), `context "a" refers to cluster "ghost", which is not in the kubeconfig (${kubeconfig})`);
	assert.equal(
		configError(() => loadConnection({kubeconfig, context: 'b', env: {}, homeDir: emptyHome})),
		`context "b" refers to user "nobody", which is not in the kubeconfig (${kubeconfig})`,
	);
});

test('a certificate authority together with insecure-skip-tls-verify is refused, as kubectl refuses it', () => {
	const ca = file('ca.crt', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
	const both = (authority: string) => config('t', {current: 't'}).replace('    server: https://10.0.0.1:6443\n', `    server: https://10.0.0.1:6443\n    insecure-skip-tls-verify: true\n    ${authority}\n`);
	for (const [name, authority] of [['ca-file.yaml', `certificate-authority: ${ca}`], ['ca-data.yaml', `certificate-authority-data: ${Buffer.from('-----BEGIN CERTIFICATE-----\n').toString('base64')}`]] as const) {
		const kubeconfig = file(name, both(authority));
		assert.equal(
			configError(() => loadConnection({kubeconfig, env: {}, homeDir: emptyHome})),
			`cluster "t-cluster": specifying a root certificates file with the insecure flag is not allowed\nremove insecure-skip-tls-verify or the certificate-authority from the kubeconfig (${kubeconfig})`,
		);
	}

	// Either one alone is accepted, and so is a plain http server (where kjobs sets the flag itself).
	const insecure = file('insecure.yaml', config('t', {current: 't'}).replace('    server: https://10.0.0.1:6443\n', '    server: https://10.0.0.1:6443\n    insecure-skip-tls-verify: true\n'));
	assert.equal(loadConnection({kubeconfig: insecure, env: {}, homeDir: emptyHome}).context, 't');
	const plain = file('plain-ca.yaml', config('t', {current: 't', server: 'http://10.0.0.1:8080'}).replace('    server: http://10.0.0.1:8080\n', `    server: http://10.0.0.1:8080\n    certificate-authority: ${ca}\n`));
	assert.equal(loadConnection({kubeconfig: plain, env: {}, homeDir: emptyHome}).context, 't');
});
