/**
The app's handle on one cluster: the connection, the watchers feeding the live store, switching namespace or
context, and the single request path through which every future action goes (and where --readonly refuses it).
*/
import type {Clock} from '../store/clock.js';
import type {LiveResourceStore} from '../store/types.js';
import {type ActionContext, type ActionContextOptions, createActionContext} from './actions/context.js';
import {assertMayMutate, openGate, readOnlyGate, type MutationGate} from './actions/gate.js';
import {createInFlightGuard} from './actions/guard.js';
import {parseStatus} from './connection/api-failure.js';
import {sendRequest, type KubeRequest} from './connection/kube-request.js';
import {resolveConnection, type Connection} from './connection/kubeconfig.js';
import {followNamespace} from './watch/namespace-check.js';
import {allAllowed, checkPermissions, type Permissions} from './actions/permissions.js';
import {startWatchers, type WatcherOptions, type Watchers} from './watch/watcher.js';

/** How to build a KubeCluster. */
export type KubeClusterOptions = {
	connection: Connection;
	store: LiveResourceStore;
	/** The app clock: watch retries and deadlines, the namespace re-check and the actions' polling run on it. */
	clock: Clock;
	/** Refuse every mutating request (--readonly); ignored when `gate` is given. */
	readOnly?: boolean;
	gate?: MutationGate;
	watch?: WatcherOptions;
	/** Settings of the action context (randomness, timeouts); its in-flight guard is kept across context switches. */
	actions?: ActionContextOptions;
	/** Asks SelfSubjectAccessReviews on start, on every switch, after a 403 and every few minutes (default true). */
	checkPermissions?: boolean;
	/** How often the RBAC answers are asked again while the watchers run; default 5 minutes. */
	permissionRecheckMs?: number;
};

/** An API error answer to `request`: the HTTP status and the server's message. */
export class KubeApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly reason?: string,
	) {
		super(message);
		this.name = 'KubeApiError';
	}
}

/** One cluster connection with its watchers. */
export class KubeCluster {
	#connection: Connection;
	readonly #store: LiveResourceStore;
	readonly #clock: Clock;
	readonly #gate: MutationGate;
	#watchOptions: WatcherOptions;
	#watchers: Watchers | undefined;
	// Aborts the namespace existence check of the running watchers.
	#namespaceCheck: AbortController | undefined;
	readonly #actionOptions: ActionContextOptions;
	#actions: ActionContext;
	#permissions: Permissions = allAllowed;
	// Bumped on every check: an answer for a scope that has since changed is dropped.
	#permissionRound = 0;
	// Aborts the permission checks in flight (on stop and on every switch).
	#permissionCheck = new AbortController();
	readonly #checksPermissions: boolean;
	readonly #permissionRecheckMs: number;
	// Cancels the next periodic permission check.
	#cancelRecheck: (() => void) | undefined;
	readonly #permissionListeners = new Set<() => void>();

	constructor(options: KubeClusterOptions) {
		this.#connection = options.connection;
		this.#store = options.store;
		this.#clock = options.clock;
		// The plugins' deadlines and the credentials' expiry run on the session's clock too.
		this.#connection.credentials.useClock(this.#clock);
		this.#gate = options.gate ?? (options.readOnly ? readOnlyGate('--readonly') : openGate);
		this.#watchOptions = options.watch ?? {};
		// One guard for the session: a double key press stays one action even across a context switch.
		this.#actionOptions = {...options.actions, guard: options.actions?.guard ?? createInFlightGuard()};
		this.#actions = createActionContext(this.#connection.kubeConfig, this.#gate, this.#clock, this.#actionOptions);
		this.#checksPermissions = options.checkPermissions ?? true;
		this.#permissionRecheckMs = options.permissionRecheckMs ?? 300_000;
	}

	/** The read-only gate every mutating request passes. */
	get gate(): MutationGate {
		return this.#gate;
	}

	/** The action context for the current context (rebuilt on every switch). */
	get actions(): ActionContext {
		return this.#actions;
	}

	/** The latest RBAC answers for the current scope (everything allowed until the first answer). */
	get permissions(): Permissions {
		return this.#permissions;
	}

	/** Calls `listener` whenever new RBAC answers arrive; returns the unsubscribe function. */
	onPermissions(listener: () => void): () => void {
		this.#permissionListeners.add(listener);
		return () => this.#permissionListeners.delete(listener);
	}

	/**
	Asks the API what the user may do in the current scope; resolves when the answer is in (or dropped as stale because
	the scope changed meanwhile). Read-only mode sends nothing.
	*/
	async refreshPermissions(): Promise<void> {
		const round = ++this.#permissionRound;
		const {kubeConfig, namespace} = this.#connection;
		const answer = await checkPermissions(kubeConfig, this.#gate, namespace, this.#permissionCheck.signal);
		if (round !== this.#permissionRound) {
			return;
		}

		this.#setPermissions(answer);
	}

	#setPermissions(permissions: Permissions): void {
		this.#permissions = permissions;
		for (const listener of this.#permissionListeners) {
			listener();
		}
	}

	/** The connection in use (context, server, namespace scope). */
	get connection(): Connection {
		return this.#connection;
	}

	/** Whether mutating requests are refused. */
	get readOnly(): boolean {
		return this.#gate.refusal() !== undefined;
	}

	/** Whether the watchers are running. */
	get running(): boolean {
		return this.#watchers !== undefined;
	}

	/** Starts the watchers (once), and for a single namespace the check that it exists. */
	start(): void {
		if (this.#watchers !== undefined) {
			return;
		}

		if (this.#checksPermissions) {
			this.refreshPermissions().catch(() => {});
			// A Role granted or taken away while kjobs runs shows within minutes, not only after :ns or :ctx.
			const again = () => {
				this.#cancelRecheck = this.#clock.setTimer(() => {
					this.refreshPermissions().catch(() => {});
					again();
				}, this.#permissionRecheckMs);
			};

			again();
		}

		this.#watchers = startWatchers(this.#connection, this.#store, this.#clock, this.#watchOptions);
		const {kubeConfig, namespace} = this.#connection;
		if (namespace !== undefined) {
			this.#namespaceCheck = new AbortController();
			followNamespace(kubeConfig, namespace, this.#clock, missing => {
				this.#store.setMissingNamespace(missing ? namespace : undefined);
			}, this.#namespaceCheck.signal);
		}
	}

	/** Stops the watchers and clears their timers; the store keeps what it has. */
	async stop(): Promise<void> {
		const watchers = this.#watchers;
		this.#watchers = undefined;
		this.#namespaceCheck?.abort();
		this.#namespaceCheck = undefined;
		this.#cancelRecheck?.();
		this.#cancelRecheck = undefined;
		this.#permissionCheck.abort();
		this.#permissionCheck = new AbortController();
		await watchers?.stop();
	}

	/** Stops everything for good: the watchers, every check in flight and every exec plugin still running. */
	async close(): Promise<void> {
		await Promise.all([this.stop(), this.#connection.credentials.close()]);
	}

	/** Shows `namespace`, or every namespace when undefined: the store starts over from a fresh list. */
	async switchNamespace(namespace: string | undefined): Promise<void> {
		const {loaded, source, credentials} = this.#connection;
		const connection = resolveConnection(loaded, source, {
			context: this.#connection.context,
			namespace,
			allNamespaces: namespace === undefined,
		}, credentials);
		await this.#replace(connection);
	}

	/**
	Switches to another context of the same kubeconfig, in that context's namespace (throws ConfigError for an unknown
	one, leaving the current connection running). A fresh KubeConfig means fresh clients for the new server and user.
	*/
	async switchContext(name: string, scope: {namespace?: string; allNamespaces?: boolean} = {}): Promise<void> {
		const {loaded, source, credentials} = this.#connection;
		const connection = resolveConnection(loaded, source, {context: name, ...scope}, credentials);
		await this.#replace(connection);
	}

	/** Changes which pods are watched: only pods of jobs (default) or all of them. */
	async setAllPods(allPods: boolean): Promise<void> {
		if ((this.#watchOptions.allPods ?? false) === allPods) {
			return;
		}

		this.#watchOptions = {...this.#watchOptions, allPods};
		await this.#replace(this.#connection);
	}

	/**
	Sends one request to the API server and returns the parsed JSON answer; throws KubeApiError for an error status.
	This is the only way actions reach the cluster, so the read-only gate here covers all of them.
	*/
	async request<T = unknown>(request: KubeRequest): Promise<T> {
		assertMayMutate(this.#gate, request.method);
		const response = await sendRequest(this.#connection.kubeConfig, request);
		if (response.status >= 400) {
			const status = parseStatus(response.body);
			throw new KubeApiError(response.status, status?.message ?? `${request.method} ${request.path}: ${response.status}`, status?.reason);
		}

		return (response.body ? JSON.parse(response.body) : undefined) as T;
	}

	async #replace(connection: Connection): Promise<void> {
		const wasRunning = this.running;
		await this.stop();
		this.#connection = connection;
		this.#actions = createActionContext(connection.kubeConfig, this.#gate, this.#clock, this.#actionOptions);
		// Until the new scope's answers arrive, the old ones do not apply: assume allowed (the action reports a 403).
		this.#permissionRound++;
		this.#setPermissions(allAllowed);
		this.#store.reset();
		if (wasRunning) {
			this.start();
		} else if (this.#checksPermissions) {
			this.refreshPermissions().catch(() => {});
		}
	}
}
