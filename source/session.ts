/**
A running kjobs session: the one clock, the live store, the cluster connection with its watchers, and what the screen's
requests (namespace and context switches, logs, actions) do. Built by cli.tsx, one per app instance.
*/
import {openGate, readOnlyGate, type ReadOnlyFlag} from './cluster/action-gate.js';
import {KubeCluster} from './cluster/kube-cluster.js';
import type {Connection} from './cluster/kubeconfig.js';
import type {ConnectionInfo} from './components/header.js';
import type {RequestHandler} from './state/ui-state.js';
import {createTickingClock} from './store/clock.js';
import {createResourceStore} from './store/resource-store.js';
import type {AppClock, LiveResourceStore} from './store/types.js';

/** How to start a session. */
export type SessionOptions = {
	readonly connection: Connection;
	/** Set when mutating requests must be refused, naming the flag that said so. */
	readonly readOnly?: ReadOnlyFlag;
	readonly demo: boolean;
	readonly labelSelector?: string;
	/** The app clock; a ticking one by default. */
	readonly clock?: AppClock & {stop?: () => void};
};

/** A running session. */
export type Session = {
	readonly store: LiveResourceStore;
	readonly clock: AppClock;
	readonly cluster: KubeCluster;
	/** What the header shows about the connection. */
	info(): ConnectionInfo & {readonly namespace: string | undefined};
	/** Every context of the loaded kubeconfig, for `:ctx` completion. */
	contexts(): readonly string[];
	/** Carries out a request from the screen. */
	readonly handle: RequestHandler;
	/** Calls `listener` when the context or namespace changed. */
	onInfoChange(listener: () => void): void;
	stop(): Promise<void>;
};

/** Starts the watchers for `connection` and returns the session. */
export function startSession(options: SessionOptions): Session {
	const clock = options.clock ?? createTickingClock();
	const store = createResourceStore({now: () => clock.now()});
	const cluster = new KubeCluster({
		connection: options.connection,
		store,
		gate: options.readOnly ? readOnlyGate(options.readOnly) : openGate,
		watch: {labelSelector: options.labelSelector},
	});
	cluster.start();
	const listeners = new Set<() => void>();
	const changed = () => {
		for (const listener of listeners) {
			listener();
		}
	};

	const handle: RequestHandler = async request => {
		switch (request.kind) {
			case 'set-namespace': {
				await cluster.switchNamespace(request.namespace);
				changed();
				return {text: `namespace: ${request.namespace ?? 'all'}`, tone: 'normal'};
			}

			case 'switch-context': {
				await cluster.switchContext(request.name);
				changed();
				return {text: `context: ${request.name}`, tone: 'normal'};
			}

			default: {
				return undefined;
			}
		}
	};

	return {
		store,
		clock,
		cluster,
		info() {
			const {connection} = cluster;
			return {context: connection.context, server: connection.describeServer(), namespace: connection.namespace, readOnly: cluster.readOnly, demo: options.demo};
		},
		contexts: () => cluster.connection.contexts,
		handle,
		onInfoChange(listener) {
			listeners.add(listener);
		},
		async stop() {
			await cluster.stop();
			options.clock?.stop?.();
			if (!options.clock) {
				(clock as {stop(): void}).stop();
			}

			store.dispose();
		},
	};
}
