import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {version} from '../source/version.js';

const root = path.resolve(import.meta.dirname, '..');
const home = mkdtempSync(path.join(tmpdir(), 'kjobs-cli-home-'));

/** Runs the real launcher (not a TTY: stdin is a pipe) with a clean environment and a temporary HOME and state directory. */
function kjobs(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'source/bin.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		input: '',
		env: {PATH: process.env['PATH'] ?? '', HOME: home, XDG_STATE_HOME: path.join(home, '.local', 'state'), ...env},
		timeout: 30_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

test('the version constant equals package.json', () => {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};
	assert.equal(version, pkg.version);
	assert.equal(kjobs(['--version']).stdout.trim(), pkg.version);
});

test('--help lists every flag and the simulate command', () => {
	const {status, stdout} = kjobs(['--help']);
	assert.equal(status, 0);
	for (const flag of ['--kubeconfig FILE', '--context NAME', '-n, --namespace NAME', '-A, --all-namespaces', '-l, --selector QUERY', '--readonly', '--demo', '--no-color', '--notify failed|all|off', 'kjobs simulate [--port N]',
		'$ kjobs get jobs|cronjobs|pods [NAME]', '-o, --output table|wide|json', '$ kjobs wait job/NAME|cronjob/NAME', '--for complete|failed|finished', '--timeout DURATION', '--logs', '--run manual', '2 on timeout']) {
		assert.ok(stdout.includes(flag), flag);
	}
});

test('no kubeconfig anywhere: says where it looked and suggests --demo, exit 1, no stack trace', () => {
	const {status, stderr} = kjobs([]);
	assert.equal(status, 1);
	assert.equal(stderr, [
		`kjobs: no kubeconfig found: looked at KUBECONFIG (not set), ${home}/.kube/config, the in-cluster service account`,
		'use --kubeconfig FILE, or try `kjobs --demo` for a simulated cluster',
		'',
	].join('\n'));
});

test('a missing or malformed kubeconfig names the file', () => {
	assert.deepEqual(kjobs(['--kubeconfig', '/nonexistent/config']), {status: 1, stdout: '', stderr: 'kjobs: cannot read kubeconfig /nonexistent/config: no such file\n'});
	const bad = path.join(home, 'bad.yaml');
	writeFileSync(bad, 'apiVersion: v1\nusers: [\n  {name: u, user: {token: kjobs-cli-secret-token}\n');
	const {status, stderr} = kjobs(['--kubeconfig', bad]);
	assert.equal(status, 1);
	assert.equal(stderr, `kjobs: kubeconfig ${bad} is not valid: unexpected end of the stream within a flow collection (line 4)\n`);
	assert.ok(!stderr.includes('kjobs-cli-secret-token'));
	assert.ok(!stderr.includes('    at '));
});

test('an unknown context names the contexts that exist', () => {
	const config = path.join(home, 'two.yaml');
	writeFileSync(config, [
		'apiVersion: v1',
		'kind: Config',
		'clusters: [{name: c, cluster: {server: "https://api.example.test:6443"}}]',
		'users: [{name: u, user: {token: kjobs-cli-secret-token}}]',
		'contexts: [{name: staging, context: {cluster: c, user: u}}, {name: prod, context: {cluster: c, user: u}}]',
		'current-context: staging',
	].join('\n'));
	assert.deepEqual(kjobs(['--kubeconfig', config, '--context', 'dev']), {
		status: 1,
		stdout: '',
		stderr: `kjobs: context "dev" is not in the kubeconfig (${config})\ncontexts: staging, prod\n`,
	});
	const piped = kjobs(['--kubeconfig', config]);
	assert.deepEqual(piped, {
		status: 1,
		stdout: '',
		stderr: [
			'kjobs: needs an interactive terminal (stdin and stdout must be a TTY).',
			'Over SSH, allocate one: ssh -t HOST kjobs',
			'Without a terminal (scripts, CI, a pipe):',
			'  kjobs get jobs|cronjobs|pods [NAME] [-n NS | -A] [-o table|wide|json]   print the table (or JSON) once',
			'  kjobs wait job/NAME [--for complete|failed|finished] [--timeout D] [--logs]   wait for a job to end',
			'',
		].join('\n'),
	});
});

test('startup errors show kubeconfig names and paths with their control characters made visible, as the screen does', () => {
	// A title change (OSC 0) and a clipboard write (OSC 52) planted in a context name, a cluster name and a file name.
	const title = '\u001B]0;pwned\u0007';
	const clipboard = '\u001B]52;c;ZWNobyBoaQ==\u0007';
	const config = path.join(home, 'hostile.yaml');
	writeFileSync(config, [
		'apiVersion: v1',
		'kind: Config',
		'clusters: []',
		'users: [{name: u, user: {token: kjobs-cli-secret-token}}]',
		`contexts: [{name: "prod${title}", context: {cluster: "c${clipboard}", user: u}}]`,
		`current-context: "prod${title}"`,
	].join('\n').replaceAll('\u001B', '\\e').replaceAll('\u0007', '\\a'));
	const dangling = kjobs(['--kubeconfig', config]);
	assert.equal(dangling.status, 1);
	assert.equal(dangling.stderr, `kjobs: context "prod␛]0;pwned^G" refers to cluster "c␛]52;c;ZWNobyBoaQ==^G", which is not in the kubeconfig (${config})\n`);
	const missing = kjobs(['--kubeconfig', path.join(home, `gone${title}.yaml`)]);
	assert.equal(missing.stderr, `kjobs: cannot read kubeconfig ${home}/gone␛]0;pwned^G.yaml: no such file\n`);
	for (const {stderr} of [dangling, missing]) {
		assert.ok(!/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/.test(stderr), JSON.stringify(stderr));
		assert.ok(!stderr.includes('kjobs-cli-secret-token'));
	}
});

test('--help and --version beside other flags print and exit, whatever else is asked (never a session)', () => {
	for (const args of [['--context', 'prod', '--help'], ['--help', '-A'], ['--demo', '--help'], ['--kubeconfig', '/nonexistent/config', '--help']]) {
		const {status, stdout, stderr} = kjobs(args);
		assert.deepEqual({args, status, stderr, usage: stdout.includes('Usage') && stdout.includes('--kubeconfig FILE')}, {args, status: 0, stderr: '', usage: true});
	}

	for (const args of [['--context', 'prod', '--version'], ['-n', 'batch', '--version']]) {
		assert.deepEqual({args, ...kjobs(args)}, {args, status: 0, stdout: `${version}\n`, stderr: ''});
	}
});

test('a -l that is not a label selector is a usage error before anything connects: the screen exits 2, get 1, wait 4', () => {
	const message = 'unable to parse label selector "team in (a": expected "," or ")" in the value set, found end of input at position 10';
	// No kubeconfig exists here: had it tried to connect, it would say so instead.
	assert.deepEqual(kjobs(['-l', 'team in (a']), {status: 2, stdout: '', stderr: `kjobs: -l: ${message}\n`});
	assert.deepEqual(kjobs(['get', 'jobs', '-l', 'team in (a']), {status: 1, stdout: '', stderr: `kjobs get: -l: ${message}\n`});
	assert.deepEqual(kjobs(['wait', 'job/migrate', '-n', 'batch', '-l', 'team in (a']), {status: 4, stdout: '', stderr: `kjobs wait: -l: ${message}\n`});
});
