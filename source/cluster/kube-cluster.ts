/**
The app's handle on one cluster: the connection, the watchers feeding the live store, switching namespace or
context, and the single request path through which every future action goes (and where --readonly refuses it).
*/
import type {LiveResourceStore} from '../store/types.js';
import {assertMayMutate, openGate, readOnlyGate, type MutationGate} from './action-gate.js';
import {parseStatus} from './api-failure.js';
import {sendRequest, type KubeRequest} from './kube-request.js';
import {resolveConnection, type Connection} from './kubeconfig.js';
import {startWatchers, type WatcherOptions, type Watchers} from './watcher.js';

/** How to build a KubeCluster. */
export type KubeClusterOptions = {
	connection: Connection;
	store: LiveResourceStore;
	/** Refuse every mutating request (--readonly); ignored when `gate` is given. */
	readOnly?: boolean;
	gate?: MutationGate;
	watch?: WatcherOptions;
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
	readonly #gate: MutationGate;
	#watchOptions: WatcherOptions;
	#watchers: Watchers | undefined;

	constructor(options: KubeClusterOptions) {
		this.#connection = options.connection;
		this.#store = options.store;
		this.#gate = options.gate ?? (options.readOnly ? readOnlyGate('--readonly') : openGate);
		this.#watchOptions = options.watch ?? {};
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

	/** Starts the watchers (once). */
	start(): void {
		this.#watchers ??= startWatchers(this.#connection, this.#store, this.#watchOptions);
	}

	/** Stops the watchers and clears their timers; the store keeps what it has. */
	async stop(): Promise<void> {
		const watchers = this.#watchers;
		this.#watchers = undefined;
		await watchers?.stop();
	}

	/** Shows `namespace`, or every namespace when undefined: the store starts over from a fresh list. */
	async switchNamespace(namespace: string | undefined): Promise<void> {
		const connection = resolveConnection(this.#connection.kubeConfig, this.#connection.source, {
			context: this.#connection.context,
			namespace,
			allNamespaces: namespace === undefined,
		});
		await this.#replace(connection);
	}

	/**
	Switches to another context of the same kubeconfig, in that context's namespace (throws ConfigError for an unknown
	one, leaving the current connection running). A fresh KubeConfig means fresh clients for the new server and user.
	*/
	async switchContext(name: string, scope: {namespace?: string; allNamespaces?: boolean} = {}): Promise<void> {
		const connection = resolveConnection(this.#connection.kubeConfig, this.#connection.source, {context: name, ...scope});
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
		this.#store.reset();
		if (wasRunning) {
			this.start();
		}
	}
}
