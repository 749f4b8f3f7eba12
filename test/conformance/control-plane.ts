/**
The real Kubernetes control plane on loopback, for the conformance suite: etcd, kube-apiserver and
kube-controller-manager built by conformance/build.sh from the Go module proxy, started in a temporary directory on
free 127.0.0.1 ports with generated certificates (openssl), a static bearer token (system:masters) and service-account
keys; stopped without leaving a process behind.

There is no kubelet and no scheduler: the controllers create pods that stay Pending until a client binds them.
*/
import {spawn, execFile, type ChildProcess} from 'node:child_process';
import {randomBytes, generateKeyPairSync} from 'node:crypto';
import {closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {waitFor} from '../helpers/wait-for.js';

const run = promisify(execFile);

/** Where the repository's conformance/ folder is. */
export const conformanceDir = path.resolve(import.meta.dirname, '../../conformance');

/** The binaries one control plane needs. */
export type Binaries = {kubeApiserver: string; kubeControllerManager: string; etcd: string; k8sDir: string; etcdDir: string};

/**
Runs conformance/build.sh (which returns at once when the binaries are cached) and returns where they are.
Throws an Error whose message is one line when Go is missing.
*/
export async function ensureBinaries(log: (line: string) => void = () => {}): Promise<Binaries> {
	const child = spawn('bash', [path.join(conformanceDir, 'build.sh')], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		const text = chunk.toString();
		stderr += text;
		// The missing-prerequisite line comes back as the error message: do not print it twice.
		for (const line of text.split('\n').filter(line => line && !line.includes(': needs '))) {
			log(line);
		}
	});
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	if (code !== 0) {
		const lines = stderr.trim().split('\n');
		throw new Error(code === 2 ? lines.at(-1)! : `conformance/build.sh failed (exit ${code}):\n${lines.slice(-30).join('\n')}`);
	}

	const value = (key: string) => {
		const match = new RegExp(`^${key}=(.*)$`, 'm').exec(stdout);
		if (!match) {
			throw new Error(`conformance/build.sh printed no ${key}= line`);
		}

		return match[1]!;
	};

	const k8sDir = value('k8s');
	const etcdDir = value('etcd');
	return {
		kubeApiserver: path.join(k8sDir, 'kube-apiserver'),
		kubeControllerManager: path.join(k8sDir, 'kube-controller-manager'),
		etcd: path.join(etcdDir, 'etcd'),
		k8sDir,
		etcdDir,
	};
}

/** Whether `port` can be bound on 127.0.0.1 right now. */
function bindable(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => {
			server.close(() => resolve(true));
		});
	});
}

const handedOut = new Set<number>();

/**
A free TCP port on 127.0.0.1, drawn from 20000–32767: below Linux's ephemeral range (32768–60999), so outgoing
connections of the many test processes on this machine cannot take it between the check and the component's bind.
Released before use (a small race remains; startControlPlane retries when a component finds its port taken).
*/
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 200; attempt++) {
		const port = 20_000 + Math.floor(Math.random() * 12_768);
		if (!handedOut.has(port) && await bindable(port)) {
			handedOut.add(port);
			return port;
		}
	}

	throw new Error('no free port on 127.0.0.1 in 20000-32767');
}

/** Milliseconds each start phase took. */
export type StartTimes = {certsMs: number; etcdMs: number; apiserverMs: number; controllerManagerMs: number; totalMs: number};

/** A running control plane. */
export type ControlPlane = {
	readonly dir: string;
	/** https://127.0.0.1:<port> */
	readonly server: string;
	/** A kubeconfig file (context "conformance", namespace default) for kubectl and kjobs. */
	readonly kubeconfig: string;
	readonly token: string;
	readonly ca: string;
	/** The CA's key and certificate paths, to sign more certificates (the fake kubelet's). */
	readonly caFiles: {cert: string; key: string};
	readonly times: StartTimes;
	/** Process ids by component (the API server's changes when it is restarted). */
	readonly pids: Readonly<Record<string, number>>;
	/** One request to the API server as the admin; JSON in and out. */
	request<T = unknown>(method: string, path: string, body?: unknown, contentType?: string): Promise<{status: number; body: T}>;
	/** Stops the API server (SIGTERM) and starts it again with the same flags, port and etcd; resolves once ready. */
	restartApiserver(): Promise<{downMs: number}>;
	/** Stops every process (controller manager, API server, etcd) and, unless `keep`, removes the directory. */
	stop(options?: {keep?: boolean}): Promise<void>;
};

export type StartOptions = {
	/** Extra kube-controller-manager flags. */
	controllerManagerArgs?: string[];
	/** Extra kube-apiserver flags. */
	apiserverArgs?: string[];
	/** How long to wait for readiness; default 120 s (two busy cores). */
	timeoutMs?: number;
	log?: (line: string) => void;
};

/** The controllers the suite runs: the subjects (job, cronjob, ttl-after-finished) and what they depend on. */
export const controllers = [
	'job-controller',
	'cronjob-controller',
	'ttl-after-finished-controller',
	'garbage-collector-controller',
	'namespace-controller',
	'serviceaccount-controller',
];

type Managed = {name: string; child: ChildProcess; exited: Promise<void>; log: string};

const live = new Set<ChildProcess>();
// Every control plane started and not yet stopped, also those still starting, for stopAllControlPlanes().
const planes = new Set<(options?: {keep?: boolean}) => Promise<void>>();

/** Stops every control plane of this process, including one still starting (for signal handlers). */
export async function stopAllControlPlanes(options: {keep?: boolean} = {}): Promise<void> {
	await Promise.all([...planes].map(async stop => stop(options)));
}
let exitHookInstalled = false;
function installExitHook() {
	if (exitHookInstalled) {
		return;
	}

	exitHookInstalled = true;
	// Last resort: whatever way this process ends, take the children with it.
	process.once('exit', () => {
		for (const child of live) {
			child.kill('SIGKILL');
		}
	});
}

function startProcess(name: string, binary: string, args: string[], dir: string): Managed {
	const log = path.join(dir, `${name}.log`);
	const fd = openSync(log, 'a');
	const child = spawn(binary, args, {cwd: dir, stdio: ['ignore', fd, fd], env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir}});
	closeSync(fd);
	installExitHook();
	live.add(child);
	const exited = new Promise<void>(resolve => {
		child.once('exit', () => {
			live.delete(child);
			resolve();
		});
	});
	return {name, child, exited, log};
}

function tail(file: string, lines = 25): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

async function stopProcess(managed: Managed, graceMs = 10_000): Promise<void> {
	if (managed.child.exitCode !== null || managed.child.signalCode !== null) {
		return;
	}

	managed.child.kill('SIGTERM');
	const timer = setTimeout(() => managed.child.kill('SIGKILL'), graceMs);
	await managed.exited;
	clearTimeout(timer);
}

async function openssl(dir: string, args: string[]): Promise<void> {
	await run('openssl', args, {cwd: dir});
}

/** CA, API server serving certificate (127.0.0.1, localhost), service-account key pair. */
async function makeCertificates(dir: string): Promise<{ca: string; caKey: string; cert: string; key: string; saPub: string; saKey: string}> {
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
	await openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=kjobs-conformance-ca']);
	await openssl(dir, ['req', ...ec, '-keyout', 'apiserver.key', '-out', 'apiserver.csr', '-subj', '/CN=kube-apiserver']);
	writeFileSync(path.join(dir, 'apiserver.ext'), [
		'subjectAltName=IP:127.0.0.1,DNS:localhost',
		'extendedKeyUsage=serverAuth',
		'keyUsage=critical,digitalSignature,keyEncipherment',
		'basicConstraints=critical,CA:FALSE',
		'',
	].join('\n'));
	await openssl(dir, ['x509', '-req', '-in', 'apiserver.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '2', '-extfile', 'apiserver.ext', '-out', 'apiserver.crt']);
	const sa = generateKeyPairSync('rsa', {modulusLength: 2048});
	writeFileSync(path.join(dir, 'sa.key'), sa.privateKey.export({type: 'pkcs8', format: 'pem'}), {mode: 0o600});
	writeFileSync(path.join(dir, 'sa.pub'), sa.publicKey.export({type: 'spki', format: 'pem'}));
	const at = (name: string) => path.join(dir, name);
	return {ca: at('ca.crt'), caKey: at('ca.key'), cert: at('apiserver.crt'), key: at('apiserver.key'), saPub: at('sa.pub'), saKey: at('sa.key')};
}

/** Signs a serving certificate for 127.0.0.1 with the control plane's CA (for the fake kubelet). */
export async function signServingCert(plane: ControlPlane, name: string): Promise<{cert: string; key: string}> {
	const {dir} = plane;
	await openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
	writeFileSync(path.join(dir, `${name}.ext`), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
	await openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', plane.caFiles.cert, '-CAkey', plane.caFiles.key, '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`]);
	return {cert: readFileSync(path.join(dir, `${name}.crt`), 'utf8'), key: readFileSync(path.join(dir, `${name}.key`), 'utf8')};
}

// Polls until `check` holds; fails at once when `alive` names a component that has exited.
async function poll(what: string, deadline: number, check: () => Promise<boolean>, alive: () => string | undefined): Promise<void> {
	await waitFor(what, async () => {
		const dead = alive();
		if (dead) {
			throw new Error(`${what}: ${dead}`);
		}

		return check().catch(() => false);
	}, {ms: Math.max(0, deadline - Date.now()), everyMs: 200, explain: () => 'not ready in time'});
}

function httpGetOk(url: string): Promise<boolean> {
	return new Promise(resolve => {
		const request = http.get(url, response => {
			response.resume();
			resolve(response.statusCode === 200);
		});
		request.setTimeout(2000, () => request.destroy());
		request.on('error', () => resolve(false));
	});
}

/**
Starts etcd, kube-apiserver and kube-controller-manager; resolves once /readyz is ok and the controllers work.
Tries again (up to three times, on new ports) when a component exits because its port was taken meanwhile.
*/
export async function startControlPlane(binaries: Binaries, options: StartOptions = {}): Promise<ControlPlane> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOnce(binaries, options);
		} catch (error) {
			const {message} = error as Error;
			if (attempt >= 3 || !message.includes('address already in use')) {
				throw error;
			}

			const kept = /\(logs kept in (.*)\)$/.exec(message)?.[1];
			if (kept) {
				rmSync(kept, {recursive: true, force: true});
			}

			options.log?.(`a port was taken before its component bound it; starting again (attempt ${attempt + 1})`);
		}
	}
}

async function startOnce(binaries: Binaries, options: StartOptions): Promise<ControlPlane> {
	const started = Date.now();
	const timeoutMs = options.timeoutMs ?? 120_000;
	const log = options.log ?? (() => {});
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-conformance-'));
	const processes: Managed[] = [];
	const token = randomBytes(24).toString('hex');
	let stopping: Promise<void> | undefined;

	const stop = async (stopOptions: {keep?: boolean} = {}) => {
		planes.delete(stop);
		// Concurrent callers all wait for the same, complete stop.
		stopping ??= (async () => {
			for (const managed of [...processes].reverse()) {
				await stopProcess(managed);
			}
		})();
		await stopping;

		if (!stopOptions.keep) {
			rmSync(dir, {recursive: true, force: true});
		}
	};
	planes.add(stop);

	try {
		const certs = await makeCertificates(dir);
		const ca = readFileSync(certs.ca, 'utf8');
		writeFileSync(path.join(dir, 'tokens.csv'), `${token},kjobs-admin,kjobs-admin-uid,"system:masters"\n`, {mode: 0o600});
		const certsDone = Date.now();

		const [etcdClient, etcdPeer, apiPort] = [await freePort(), await freePort(), await freePort()];
		const server = `https://127.0.0.1:${apiPort}`;
		const kubeconfig = path.join(dir, 'kubeconfig');
		writeFileSync(kubeconfig, [
			'apiVersion: v1',
			'kind: Config',
			'clusters:',
			'- name: conformance',
			'  cluster:',
			`    server: ${server}`,
			`    certificate-authority-data: ${Buffer.from(ca).toString('base64')}`,
			'users:',
			'- name: admin',
			'  user:',
			`    token: ${token}`,
			'contexts:',
			'- name: conformance',
			'  context: {cluster: conformance, user: admin, namespace: default}',
			'current-context: conformance',
			'',
		].join('\n'), {mode: 0o600});

		const deadline = Date.now() + timeoutMs;
		const deadProcess = () => {
			const dead = processes.find(managed => managed.child.exitCode !== null || managed.child.signalCode !== null);
			return dead && `${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}); last lines of ${dead.log}:\n${tail(dead.log)}`;
		};

		const etcdUrl = `http://127.0.0.1:${etcdClient}`;
		const peerUrl = `http://127.0.0.1:${etcdPeer}`;
		processes.push(startProcess('etcd', binaries.etcd, [
			'--name=default',
			`--data-dir=${path.join(dir, 'etcd')}`,
			`--listen-client-urls=${etcdUrl}`,
			`--advertise-client-urls=${etcdUrl}`,
			`--listen-peer-urls=${peerUrl}`,
			`--initial-advertise-peer-urls=${peerUrl}`,
			`--initial-cluster=default=${peerUrl}`,
			'--unsafe-no-fsync=true',
			'--log-level=warn',
		], dir));
		await poll('etcd', deadline, async () => httpGetOk(`${etcdUrl}/health`), deadProcess);
		const etcdDone = Date.now();
		log(`etcd ready on ${etcdUrl} in ${etcdDone - certsDone} ms`);

		const apiserverArgs = [
			`--etcd-servers=${etcdUrl}`,
			'--bind-address=127.0.0.1',
			'--advertise-address=127.0.0.1',
			`--secure-port=${apiPort}`,
			`--cert-dir=${path.join(dir, 'apiserver-certs')}`,
			`--tls-cert-file=${certs.cert}`,
			`--tls-private-key-file=${certs.key}`,
			`--client-ca-file=${certs.ca}`,
			`--token-auth-file=${path.join(dir, 'tokens.csv')}`,
			'--authorization-mode=RBAC',
			`--service-account-issuer=${server}`,
			`--service-account-key-file=${certs.saPub}`,
			`--service-account-signing-key-file=${certs.saKey}`,
			'--service-cluster-ip-range=10.0.0.0/24',
			'--endpoint-reconciler-type=none',
			'--kubelet-preferred-address-types=InternalIP',
			'--allow-privileged=true',
			'--profiling=false',
			'--v=1',
			...(options.apiserverArgs ?? []),
		];
		processes.push(startProcess('kube-apiserver', binaries.kubeApiserver, apiserverArgs, dir));
		const request = makeRequester(server, ca, token);
		await poll('kube-apiserver /readyz', deadline, async () => (await request('GET', '/readyz')).status === 200, deadProcess);
		const apiDone = Date.now();
		log(`kube-apiserver ready on ${server} in ${apiDone - etcdDone} ms`);

		processes.push(startProcess('kube-controller-manager', binaries.kubeControllerManager, [
			`--kubeconfig=${kubeconfig}`,
			'--leader-elect=false',
			`--controllers=${controllers.join(',')}`,
			'--use-service-account-credentials=false',
			'--bind-address=127.0.0.1',
			'--secure-port=0',
			'--kube-api-qps=100',
			'--kube-api-burst=200',
			'--v=1',
			...(options.controllerManagerArgs ?? []),
		], dir));
		// The serviceaccount controller creating "default" in namespace default shows the controllers run (and the
		// ServiceAccount admission plugin, left on, needs that account before any pod).
		await poll('kube-controller-manager (default service account)', deadline, async () => (await request('GET', '/api/v1/namespaces/default/serviceaccounts/default')).status === 200, deadProcess);
		const kcmDone = Date.now();
		log(`kube-controller-manager working in ${kcmDone - apiDone} ms`);

		const pids: Record<string, number> = Object.fromEntries(processes.map(managed => [managed.name, managed.child.pid ?? -1]));
		const restartApiserver = async () => {
			const index = processes.findIndex(managed => managed.name === 'kube-apiserver');
			const stopped = Date.now();
			await stopProcess(processes[index]!);
			processes[index] = startProcess('kube-apiserver', binaries.kubeApiserver, apiserverArgs, dir);
			pids['kube-apiserver'] = processes[index].child.pid ?? -1;
			await poll('kube-apiserver /readyz after a restart', Date.now() + timeoutMs, async () => (await request('GET', '/readyz')).status === 200, deadProcess);
			return {downMs: Date.now() - stopped};
		};
		return {
			dir,
			server,
			kubeconfig,
			token,
			ca,
			caFiles: {cert: certs.ca, key: certs.caKey},
			times: {certsMs: certsDone - started, etcdMs: etcdDone - certsDone, apiserverMs: apiDone - etcdDone, controllerManagerMs: kcmDone - apiDone, totalMs: kcmDone - started},
			pids,
			request,
			restartApiserver,
			stop,
		};
	} catch (error) {
		await stop({keep: true});
		throw new Error(`${(error as Error).message}\n(logs kept in ${dir})`);
	}
}

function makeRequester(server: string, ca: string, token: string): ControlPlane['request'] {
	const agent = new https.Agent({ca, keepAlive: true});
	return async <T>(method: string, requestPath: string, body?: unknown, contentType = 'application/json') => new Promise<{status: number; body: T}>((resolve, reject) => {
		const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
		const request = https.request(`${server}${requestPath}`, {
			method,
			agent,
			headers: {
				authorization: `Bearer ${token}`,
				accept: 'application/json',
				...(data ? {'content-type': contentType, 'content-length': data.length} : {}),
			},
		}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString();
				let parsed: unknown = text;
				try {
					parsed = JSON.parse(text);
				} catch {}

				resolve({status: response.statusCode ?? 0, body: parsed as T});
			});
			response.on('error', reject);
		});
		request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${requestPath}: timed out`)));
		request.on('error', reject);
		request.end(data);
	});
}

/** Whether a process id is still alive (for the no-orphans check). */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The kubectl to drive the real cluster with: $KJOBS_KUBECTL, else the newest versioned one found, else `kubectl`. */
export function findKubectl(): string {
	const chosen = process.env['KJOBS_KUBECTL'];
	if (chosen) {
		return chosen;
	}

	for (const dir of (process.env['PATH'] ?? '').split(':').concat('/usr/lib/google-cloud-sdk/bin')) {
		for (const minor of [34, 33, 32]) {
			const candidate = path.join(dir, `kubectl.1.${minor}`);
			if (existsSync(candidate)) {
				return candidate;
			}
		}
	}

	return 'kubectl';
}
