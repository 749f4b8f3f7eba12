/**
Exec credential plugins (`users[].user.exec`), run by kjobs rather than client-node: client-node spawns the plugin
once per request, never times it out and cannot kill it, so a browser-login plugin that waits kept `q` from quitting
and a dozen concurrent requests started a dozen logins. Here one run serves every request of a user, its credential
is kept until it expires or the server rejects it (401: the plugin runs again, as kubectl re-runs it), the run has a
deadline, and closing the session kills whatever still runs. Expiry and deadline are read on the session's clock.
*/
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import type {User} from '@kubernetes/client-node';
import {createSystemClock, type Clock} from '../../store/clock.js';

// client-node's Authenticator interface (not exported from its index): what KubeConfig.addAuthenticator takes.
type Authenticator = Parameters<import('@kubernetes/client-node').KubeConfig['addAuthenticator']>[0];

/** The kubeconfig's `exec` section. */
export type ExecPlugin = {
	readonly command: string;
	readonly args?: readonly string[];
	readonly env?: ReadonlyArray<{readonly name: string; readonly value: string}>;
	readonly apiVersion?: string;
	readonly interactiveMode?: string;
};

type Credential = {
	readonly token?: string;
	readonly clientCertificateData?: string;
	readonly clientKeyData?: string;
	/** Epoch ms; undefined: valid for the whole session. */
	readonly expiresAt?: number;
};

/** The auth-provider name a plugin user carries once loadConnection has handed its `exec` section to kjobs. */
export const execProviderName = 'kjobs-exec';

/** How long a plugin may take (a browser login included) before it is killed and the request fails. */
export const pluginTimeoutMs = 120_000;

/** The user with its `exec` section moved to kjobs' own provider, so client-node never runs it. */
export function withKjobsExec(user: User): User {
	if (!user.exec) {
		return user;
	}

	const {exec, ...rest} = user;
	return {...rest, authProvider: {name: execProviderName, config: {plugin: exec as ExecPlugin}}};
}

/**
`command` resolved as kubectl resolves it: a path with a separator is relative to the kubeconfig file's folder (never
the working directory, where anyone may have planted a script); a bare name is looked up on PATH.
*/
export function resolvePluginCommand(command: string, kubeconfigFile: string): string {
	return command.includes('/') && !path.isAbsolute(command) ? path.resolve(path.dirname(kubeconfigFile), command) : command;
}

/** Runs plugins for one session; a client-node Authenticator so every request path (raw, typed API, logs) uses it. */
export class ExecCredentials implements Authenticator {
	readonly #env: Readonly<Record<string, string | undefined>>;
	#clock: Clock;
	readonly #timeoutMs: number;
	readonly #cache = new Map<string, Credential>();
	readonly #running = new Map<string, Promise<Credential>>();
	readonly #children = new Set<ChildProcess>();
	#closed = false;

	// The kubeconfig is loaded before the session (and its clock) exists: until the session hands its clock over with
	// useClock, the system clock serves, which starts no timer of its own.
	constructor(options: {env?: Readonly<Record<string, string | undefined>>; clock?: Clock; timeoutMs?: number} = {}) {
		this.#env = options.env ?? {};
		this.#clock = options.clock ?? createSystemClock();
		this.#timeoutMs = options.timeoutMs ?? pluginTimeoutMs;
	}

	/** Times expiry and the plugin's deadline on `clock` (the session's) from now on. */
	useClock(clock: Clock): void {
		this.#clock = clock;
	}

	/**
	The server answered a request of user `name` with 401. The cached credential goes if it is the one that request
	carried (`authorization`, its header), so the next request runs the plugin again; one already replaced stays.
	*/
	rejected(name: string, authorization: string | undefined): void {
		const cached = this.#cache.get(name);
		if (cached && (cached.token === undefined || authorization === `Bearer ${cached.token}`)) {
			this.#cache.delete(name);
		}
	}

	isAuthProvider(user: User): boolean {
		return (user.authProvider as {name?: string} | undefined)?.name === execProviderName;
	}

	async applyAuthentication(user: User, options: {headers?: Record<string, unknown>; cert?: unknown; key?: unknown}): Promise<void> {
		const plugin = (user.authProvider as {config?: {plugin?: ExecPlugin}}).config?.plugin;
		if (!plugin) {
			return;
		}

		const credential = await this.credential(user.name, plugin);
		if (credential.token) {
			options.headers ??= {};
			options.headers['Authorization'] = `Bearer ${credential.token}`;
		}

		if (credential.clientCertificateData && credential.clientKeyData) {
			options.cert = credential.clientCertificateData;
			options.key = credential.clientKeyData;
		}
	}

	/** The user's credential: cached until it expires, else from one run of the plugin shared by every caller. */
	async credential(name: string, plugin: ExecPlugin): Promise<Credential> {
		const cached = this.#cache.get(name);
		if (cached && (cached.expiresAt === undefined || cached.expiresAt > this.#clock.now())) {
			return cached;
		}

		const running = this.#running.get(name);
		if (running) {
			return running;
		}

		const run = this.#run(plugin).then(credential => {
			this.#cache.set(name, credential);
			return credential;
		}).finally(() => {
			this.#running.delete(name);
		});
		this.#running.set(name, run);
		return run;
	}

	/** Kills every plugin still running (SIGTERM, then SIGKILL after 200 ms) and refuses new runs. */
	async close(): Promise<void> {
		this.#closed = true;
		await Promise.all([...this.#children].map(async child => {
			const exited = new Promise<void>(resolve => {
				child.once('exit', () => resolve());
			});
			stopChild(child, 'SIGTERM');
			let cancel = () => {};
			await Promise.race([exited, new Promise<void>(resolve => {
				cancel = this.#clock.setTimer(() => {
					child.kill('SIGKILL');
					resolve();
				}, 200);
			})]);
			cancel();
		}));
	}

	async #run(plugin: ExecPlugin): Promise<Credential> {
		const name = path.basename(plugin.command);
		if (this.#closed) {
			throw new Error(`exec plugin ${name}: the session is closing`);
		}

		if (plugin.interactiveMode === 'Always') {
			// The terminal belongs to the screen: a plugin that must prompt on it cannot be given one.
			throw new Error(`exec plugin ${name} needs an interactive terminal (interactiveMode: Always), which kjobs cannot lend it`);
		}

		const env: Record<string, string | undefined> = {...this.#env};
		for (const entry of plugin.env ?? []) {
			env[entry.name] = entry.value;
		}

		const apiVersion = plugin.apiVersion ?? 'client.authentication.k8s.io/v1';
		env['KUBERNETES_EXEC_INFO'] = JSON.stringify({apiVersion, kind: 'ExecCredential', spec: {interactive: false}});
		// No shell: the command and its arguments are passed as they are. stdin is the screen's, so the plugin gets none.
		const child = spawn(plugin.command, [...(plugin.args ?? [])], {env, stdio: ['ignore', 'pipe', 'pipe'], shell: false});
		this.#children.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (text: string) => {
			stdout += text;
		});
		child.stderr.setEncoding('utf8').on('data', (text: string) => {
			stderr = (stderr + text).slice(-2000);
		});
		let timedOut = false;
		const cancelDeadline = this.#clock.setTimer(() => {
			timedOut = true;
			stopChild(child, 'SIGKILL');
		}, this.#timeoutMs);
		try {
			const code = await new Promise<number | null>((resolve, reject) => {
				child.once('error', reject);
				child.once('close', resolve);
			});
			if (timedOut) {
				throw new Error(`exec plugin ${name}: no answer within ${Math.round(this.#timeoutMs / 1000)} s`);
			}

			if (this.#closed) {
				throw new Error(`exec plugin ${name}: stopped, the session is closing`);
			}

			if (code !== 0) {
				const said = stderr.trim().split('\n').at(-1) ?? '';
				throw new Error(`exec plugin ${name} failed (exit ${code ?? 'by signal'})${said ? `: ${said}` : ''}`);
			}

			return parseCredential(stdout, name, this.#clock.now());
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT' || code === 'EACCES') {
				throw new Error(`exec plugin ${plugin.command}: ${code === 'ENOENT' ? 'no such file' : 'permission denied'}`);
			}

			throw error;
		} finally {
			cancelDeadline();
			this.#children.delete(child);
		}
	}
}

function parseCredential(stdout: string, name: string, now: number): Credential {
	let parsed: {status?: {token?: unknown; clientCertificateData?: unknown; clientKeyData?: unknown; expirationTimestamp?: unknown}};
	try {
		parsed = JSON.parse(stdout) as typeof parsed;
	} catch {
		// Never quote the output: it may be a token.
		throw new Error(`exec plugin ${name} printed something that is not an ExecCredential`);
	}

	const status = parsed?.status ?? {};
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	const token = text(status.token);
	const clientCertificateData = text(status.clientCertificateData);
	const clientKeyData = text(status.clientKeyData);
	if (!token && !(clientCertificateData && clientKeyData)) {
		throw new Error(`exec plugin ${name} gave neither a token nor a client certificate`);
	}

	const expires = text(status.expirationTimestamp);
	const expiresAt = expires === undefined ? undefined : Date.parse(expires);
	return {
		...(token ? {token} : {}),
		...(clientCertificateData && clientKeyData ? {clientCertificateData, clientKeyData} : {}),
		...(expiresAt !== undefined && Number.isFinite(expiresAt) ? {expiresAt} : (expires === undefined ? {} : {expiresAt: now})),
	};
}

/*
Signals a plugin and lets go of its output. A plugin that is a shell script waiting on a command of its own (a browser
login) dies, but that command lives on holding the pipes, so the pipes would never close: the run would wait for its
'close' for good and keep kjobs from exiting. Closing our ends ends the run; a later write of the orphan gets EPIPE.
*/
function stopChild(child: ChildProcess, signal: NodeJS.Signals): void {
	child.kill(signal);
	child.stdout?.destroy();
	child.stderr?.destroy();
}
