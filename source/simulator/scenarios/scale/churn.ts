/**
The scale scenario's churn: a timer that moves the manual clock along with the wall clock and, each tick, performs
its share of the target event rate in a fixed cycle that keeps the totals steady (two pod status updates, a pod
completion with its job's status update, a new pod, a deletion of a finished pod). It also drives the probe job and
the log-probe pod's output.

This is a load generator, and the one part of the simulator driven by the wall clock on purpose: it produces a target
number of events per real second for benchmarks and moves the scenario's manual clock along with real time. The
one-clock guard test (test/architecture/one-clock.test.ts) lists this file as its only exception in the simulator.
*/
import type {Job, Pod} from '../../../kube/types.js';
import type {ManualClock, SimClock} from '../../clock.js';
import type {SimLogs} from '../../logs.js';
import {podStatus, scalePod, type ScalePodPhase} from './objects.js';
import type {SimStore} from '../../store.js';

type PodRef = {namespace: string; name: string; job: number};

const tickMs = 50;
const cycle = ['update', 'update', 'complete', 'add', 'delete'] as const;

/** Drives the churn of a scale scenario over its store. */
export class ScaleChurn {
	readonly #running: PodRef[] = [];
	readonly #finished: PodRef[] = [];
	readonly #jobIndex = new Map<string, number>();
	#timer: NodeJS.Timeout | undefined;
	#rate = 0;
	#logRate = 0;
	#probeOn = true;
	#debt = 0;
	#logDebt = 0;
	#step = 0;
	#serial = 0;
	#last = Date.now();
	#probe = {name: '', base: 0, pod: undefined as Pod | undefined};

	constructor(readonly store: SimStore, readonly clock: SimClock, readonly random: () => number, readonly jobs: Job[], readonly logs?: SimLogs) {
		jobs.forEach((job, i) => this.#jobIndex.set(`${job.metadata.namespace}/${job.metadata.name}`, i));
	}

	/** Stores a new pod of `job` in `phase` and tracks it for later churn. */
	addPod(job: Job, phase: ScalePodPhase, createdMs: number): Pod {
		const index = this.#jobIndex.get(`${job.metadata.namespace}/${job.metadata.name}`) ?? 0;
		const name = `${job.metadata.name}-${this.store.randomSuffix()}${(this.#serial++).toString(36)}`;
		const pod = this.store.create('Pod', scalePod(job, name, this.store.newUid(), phase, createdMs, `sim-node-${1 + (this.#serial % 3)}`));
		const ref = {namespace: pod.metadata.namespace ?? '', name, job: index};
		(phase === 'Running' || phase === 'Pending' ? this.#running : this.#finished).push(ref);
		return pod;
	}

	/** Starts the timer. */
	start(options: {probe: string; probeBase: number; logPod: Pod; rate: number}): void {
		this.#probe = {name: options.probe, base: options.probeBase, pod: options.logPod};
		this.#rate = options.rate;
		this.#last = Date.now();
		this.#timer = setInterval(() => {
			this.#tick();
		}, tickMs);
		this.#timer.unref();
	}

	/** Events per second from now on. */
	setRate(rate: number): void {
		this.#rate = Math.max(0, rate);
		this.#debt = 0;
	}

	/** Turns the probe's updates on or off. */
	setProbe(on: boolean): void {
		this.#probeOn = on;
	}

	/** Log lines per second for the log-probe pod. */
	setLogRate(rate: number): void {
		this.#logRate = Math.max(0, rate);
		this.#logDebt = 0;
	}

	/** Stops the timer. */
	stop(): void {
		clearInterval(this.#timer);
	}

	#tick(): void {
		const wall = Date.now();
		const elapsed = wall - this.#last;
		this.#last = wall;
		if ('advance' in this.clock) {
			(this.clock as ManualClock).advance(Math.max(0, elapsed));
		}

		this.#debt += this.#rate * elapsed / 1000;
		// Never try to catch up more than a second of backlog: a stalled loop must not turn into a burst.
		this.#debt = Math.min(this.#debt, Math.max(this.#rate, 1));
		while (this.#debt >= 1) {
			this.#debt -= this.#event(cycle[this.#step++ % cycle.length]!);
		}

		if (this.#probeOn && this.#probe.name) {
			this.#updateProbe(wall);
		}

		this.#writeLogs(wall, elapsed);
	}

	// Returns how many watch events it caused.
	#event(kind: (typeof cycle)[number]): number {
		const now = this.clock.now();
		switch (kind) {
			case 'update': {
				const ref = this.#pick(this.#running);
				const pod = ref && this.store.get<Pod>('Pod', ref.namespace, ref.name);
				if (!ref || !pod) {
					return 1;
				}

				const restarts = (pod.status?.containerStatuses?.[0]?.restartCount ?? 0) + 1;
				this.store.update('Pod', {...pod, status: podStatus(pod.spec.containers[0]?.name ?? 'main', 'Running', now - 5000, restarts)});
				return 1;
			}

			case 'complete': {
				const ref = this.#take(this.#running);
				const pod = ref && this.store.get<Pod>('Pod', ref.namespace, ref.name);
				if (!ref || !pod) {
					return 1;
				}

				const {finalizers: _, ...metadata} = pod.metadata;
				this.store.update('Pod', {...pod, metadata, status: podStatus(pod.spec.containers[0]?.name ?? 'main', 'Succeeded', now - 45_000, 0)});
				this.#finished.push(ref);
				const job = this.jobs[ref.job];
				const current = job && this.store.get<Job>('Job', job.metadata.namespace, job.metadata.name ?? '');
				if (current) {
					const status = current.status ?? {};
					// Churn adds pods to finished jobs too; the count still never passes the job's completions.
					const succeeded = Math.min(current.spec.completions ?? 1, (status.succeeded ?? 0) + 1);
					this.store.update('Job', {...current, status: {...status, succeeded, active: Math.max(0, (status.active ?? 1) - 1)}});
					return 2;
				}

				return 1;
			}

			case 'add': {
				const job = this.jobs[Math.floor(this.random() * this.jobs.length)];
				if (job) {
					this.addPod(job, 'Running', now);
				}

				return 1;
			}

			default: {
				const ref = this.#take(this.#finished);
				if (ref && this.store.get('Pod', ref.namespace, ref.name)) {
					this.store.remove('Pod', ref.namespace, ref.name);
				}

				return 1;
			}
		}
	}

	#updateProbe(wall: number): void {
		const current = this.store.get<Job>('Job', 'a-bench', this.#probe.name);
		const value = Math.floor((wall - this.#probe.base) / 100) % 10_000;
		if (current && current.status?.succeeded !== value) {
			this.store.update('Job', {...current, status: {...current.status, succeeded: value}});
		}
	}

	#writeLogs(wall: number, elapsed: number): void {
		const pod = this.#probe.pod;
		if (!this.logs || !pod || this.#logRate === 0) {
			return;
		}

		this.#logDebt = Math.min(this.#logDebt + this.#logRate * elapsed / 1000, this.#logRate);
		const container = pod.spec.containers[0]?.name ?? 'main';
		const time = this.clock.now();
		for (; this.#logDebt >= 1; this.#logDebt--) {
			this.#serial++;
			this.logs.append(pod.metadata.uid ?? '', container, 0, {time, data: Buffer.from(`${new Date(wall).toISOString()} line ${this.#serial} level=info msg="processed batch" items=${this.#serial % 977} latency_ms=${this.#serial % 53}`)});
		}
	}

	#pick(list: PodRef[]): PodRef | undefined {
		return list[Math.floor(this.random() * list.length)];
	}

	// Removes a random element in O(1) by swapping in the last one.
	#take(list: PodRef[]): PodRef | undefined {
		if (list.length === 0) {
			return undefined;
		}

		const i = Math.floor(this.random() * list.length);
		const out = list[i]!;
		list[i] = list.at(-1)!;
		list.pop();
		return out;
	}
}
