/**
The simulated Kubernetes cluster: an API server on loopback plus the controllers, over one store. Used by tests,
`kjobs --demo` and `kjobs simulate`.
*/
import {hasToken, secureKubeconfig, sendUnauthorized} from './api/auth.js';
import {type FaultCounts, FaultInjector, type FaultRates, parseFaults} from './faults/fault.js';
import {generateTls, type SimTls} from './tls/tls.js';
import {writePrivateFile} from './private-file.js';
import type {Server, ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import {ManualClock, ScaledClock, type SimClock, wallNow} from './clock.js';
import type {ApiContext} from './api/context.js';
import {createControllers, type Controllers, type SimContext} from './controllers/index.js';
import {kubeconfigYaml} from './kubeconfig.js';
import {ListSnapshots} from './api/list.js';
import {SimLogs} from './logs.js';
import {seededRandom, seededUid} from './random.js';
import type {RbacRule} from './api/rbac.js';
import {loadScenario} from './scenarios/index.js';
import {createApiServer, type RecordedRequest} from './api/server.js';
import {SimStore} from './store.js';
import {WatchHub} from './api/watch.js';

export type {RbacRule} from './api/rbac.js';
export type {RecordedRequest} from './api/server.js';
export type {FaultCounts, FaultRates} from './faults/fault.js';
export type {SimTls} from './tls/tls.js';

/** How to start a simulated cluster. */
export type SimulatorOptions = {
	port?: number;
	host?: string;
	/** 'demo', 'empty' or a YAML file; default 'empty'. */
	scenario?: string;
	seed?: number;
	speed?: number;
	/** Manual mode: nothing moves until advance(). */
	clock?: ManualClock;
	/** Simulated start time, epoch ms (default: now). */
	start?: number;
	rbac?: RbacRule[];
	historySize?: number;
	bookmarkIntervalMs?: number;
	/** Write the kubeconfig there. */
	kubeconfigPath?: string;
	nodes?: number;
	/** Injected faults: rates or a spec such as `chaos` or `drop=0.05,error=0.1` (see fault-spec.ts). */
	faults?: FaultRates | string;
	/** Longest delay of a `slow` fault, ms (default 300). */
	slowFaultMs?: number;
	/** Serve HTTPS: true generates a CA and certificate; the kubeconfig then carries the CA. */
	tls?: boolean | SimTls;
	/** Answer 401 to every request without `Authorization: Bearer <token>`; the kubeconfig carries it. */
	token?: string;
};

/** A running simulated cluster. */
export type Simulator = {
	readonly url: string;
	readonly port: number;
	readonly kubeconfig: string;
	readonly store: SimStore;
	readonly logs: SimLogs;
	readonly clock: SimClock;
	/** What the scenario loader passed over (kinds it ignores, annotations that do nothing), one line each. */
	readonly warnings: readonly string[];
	/** Manual clock: advance in steps of at most 1 s, reconciling after each step, then yield to I/O so watch events reach sockets. */
	advance(ms: number): Promise<void>;
	reconcile(): void;
	readonly requests: ReadonlyArray<RecordedRequest>;
	/** Forget history: resumes get 410. */
	compact(): void;
	/** Send the in-stream ERROR 410 to every open watch and close it. */
	expireWatches(): void;
	/** Destroy every open watch socket. */
	dropWatches(): void;
	/** Keep watch connections open but send nothing (no events, no bookmarks) while on. */
	stallWatches(on: boolean): void;
	setRbac(rules: RbacRule[] | undefined): void;
	openWatches(): number;
	openLogStreams(): number;
	/** Closes the server and every connection; no open handles left. */
	stop(): Promise<void>;
	/**
	Stops and listens again on the same port; keepState=false starts a fresh store with higher resourceVersions;
	keepState=true keeps the objects but, like a restarted API server's watch cache, no history before now.
	*/
	restart(options?: {keepState?: boolean}): Promise<void>;
	/** Replaces the injected faults (`{}` or 'none' stops them). */
	setFaults(faults: FaultRates | string): void;
	/** How many faults of each kind were injected so far. */
	readonly faultCounts: Readonly<FaultCounts>;
	/** The CA certificate (PEM) when serving HTTPS. */
	readonly ca: string | undefined;
};

const defaultNamespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

type World = {store: SimStore; hub: WatchHub; controllers: Controllers; context: ApiContext};

/** Starts a simulated cluster and resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const clock: SimClock = options.clock ?? new ScaledClock(options.speed ?? 1, options.start);
	const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
	const uid = options.seed === undefined ? undefined : seededUid(random);
	const logs = new SimLogs();
	const nodes = Array.from({length: options.nodes ?? 3}, (_, i) => `sim-node-${i + 1}`);
	const host = options.host ?? '127.0.0.1';
	const bookmarkIntervalMs = options.bookmarkIntervalMs ?? 60_000;
	const requests: RecordedRequest[] = [];
	const logStreams = new Set<ServerResponse>();
	let rbac = options.rbac;
	const snapshots = new ListSnapshots();
	let warnings: readonly string[] = [];
	const tls = options.tls === true ? generateTls(clock.now()) : options.tls || undefined;
	// Faults draw from their own seeded source so the scenario stays the same with or without them.
	const faults = new FaultInjector(options.seed === undefined ? Math.random : seededRandom(options.seed + 1), {
		slowMs: options.slowFaultMs,
		clock,
		restart: async keepState => simulator.restart({keepState}),
	});
	faults.set(typeof options.faults === 'string' ? parseFaults(options.faults) : options.faults ?? {});

	const makeWorld = (startRv: number): World => {
		const store = new SimStore({now: () => clock.now(), startRv, historySize: options.historySize, random, uid});
		// The hub subscribes first, so it knows every object's previous state for selector transitions.
		const hub = new WatchHub(store, clock, bookmarkIntervalMs);
		hub.faults = faults;
		for (const name of defaultNamespaces) {
			store.create('Namespace', {metadata: {name, labels: {'kubernetes.io/metadata.name': name}}, spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}});
		}

		const simContext: SimContext = {store, logs, clock, random, nodes};
		const controllers = createControllers(simContext);
		try {
			({warnings} = loadScenario(options.scenario ?? 'empty', simContext, controllers));
		} catch (error) {
			controllers.stop();
			hub.dispose();
			throw error;
		}

		const context: ApiContext = {store, logs, clock, hub, snapshots, rbac: () => rbac, logStreams, random};
		return {store, hub, controllers, context};
	};

	// Seeded runs are reproducible; otherwise versions start from the wall clock so they never go backwards across runs.
	let world = makeWorld(options.seed === undefined && !options.clock ? Math.floor(wallNow() / 1000) : 1000);
	const sockets = new Set<Socket>();
	let server: Server;
	let port = options.port ?? 0;
	let ticker: (() => void) | undefined;
	// A restart a fault scheduled must not bring the server back after stop().
	let stopped = false;

	const listen = async () => {
		server = createApiServer(() => world.context, request => {
			requests.push(request);
			if (requests.length > 10_000) {
				requests.splice(0, 5000);
			}
		}, {
			...(tls ? {tls: {cert: tls.cert, key: tls.key}} : {}),
			async intercept(req, url, res) {
				if (options.token !== undefined && !hasToken(req, options.token)) {
					sendUnauthorized(res);
					return true;
				}

				return faults.beforeRequest(req, url, res);
			},
		});
		server.on('connection', socket => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		port = (server.address() as AddressInfo).port;
		if (!clock.manual) {
			// The controllers reconcile every 100 ms of real time, whatever the speed.
			const tickMs = 100 * (options.speed ?? 1);
			const tick = () => {
				try {
					world.controllers.reconcile(clock.now());
				} catch {
					// A controller bug must not take the API server down with it; the next tick tries again
					// (manual-clock tests call reconcile through advance(), where the error does surface).
				}

				ticker = clock.setTimer(tick, tickMs);
			};

			ticker = clock.setTimer(tick, tickMs);
		}
	};

	const close = async () => {
		ticker?.();
		ticker = undefined;

		world.hub.dropAll();
		for (const res of logStreams) {
			res.end();
		}

		logStreams.clear();
		const closed = new Promise<void>(resolve => {
			server.close(() => resolve());
		});
		server.closeAllConnections();
		for (const socket of sockets) {
			socket.destroy();
		}

		await closed;
	};

	await listen();
	const urlHost = host.includes(':') ? `[${host}]` : host;
	const url = () => `${tls ? 'https' : 'http'}://${urlHost}:${port}`;
	const kubeconfig = () => (tls || options.token !== undefined ? secureKubeconfig(kubeconfigYaml(url()), {ca: tls?.ca, token: options.token}) : kubeconfigYaml(url()));
	if (options.kubeconfigPath) {
		await writePrivateFile(options.kubeconfigPath, kubeconfig());
	}

	const simulator: Simulator = {
		get url() {
			return url();
		},
		get port() {
			return port;
		},
		get kubeconfig() {
			return kubeconfig();
		},
		get store() {
			return world.store;
		},
		logs,
		clock,
		get warnings() {
			return warnings;
		},
		async advance(ms: number) {
			if (!(clock instanceof ManualClock)) {
				throw new Error('advance() needs a manual clock (SimulatorOptions.clock)');
			}

			let left = ms;
			while (left > 0) {
				const step = Math.min(1000, left);
				clock.advance(step);
				left -= step;
				world.controllers.reconcile(clock.now());
				await new Promise(resolve => setImmediate(resolve));
			}
		},
		reconcile() {
			world.controllers.reconcile(clock.now());
		},
		requests,
		compact() {
			world.store.compact();
			snapshots.clear();
		},
		expireWatches() {
			world.hub.expireAll();
		},
		dropWatches() {
			world.hub.dropAll();
		},
		stallWatches(on: boolean) {
			world.hub.stall(on);
		},
		setRbac(rules: RbacRule[] | undefined) {
			rbac = rules;
		},
		openWatches() {
			return world.hub.size;
		},
		openLogStreams() {
			return logStreams.size;
		},
		async stop() {
			stopped = true;
			await close();
			world.controllers.stop();
			world.hub.dispose();
		},
		async restart(restartOptions: {keepState?: boolean} = {}) {
			if (stopped) {
				return;
			}

			await close();
			if (!restartOptions.keepState) {
				world.controllers.stop();
				world.hub.dispose();
				snapshots.clear();
				world = makeWorld(world.store.rv + 1000);
			} else {
				// As a real API server's watch cache does when it starts: it lists at the current version and keeps no
				// history before it, so a watch from an older version gets 410 Expired and its client relists.
				world.store.compact();
				world.hub.restarted();
			}

			if (!stopped) {
				await listen();
			}
		},
		setFaults(spec: FaultRates | string) {
			faults.set(typeof spec === 'string' ? parseFaults(spec) : spec);
		},
		get faultCounts() {
			return faults.counts;
		},
		ca: tls?.ca,
	};
	return simulator;
}
