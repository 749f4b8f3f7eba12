/**
The simulated scheduler and kubelet: bind pending pods round-robin to the nodes, then walk each pod through
ContainerCreating → Running → exit (or image-pull failure, or CrashLoopBackOff restarts), write its log lines at their
due times, and stop containers of deleted pods. Every transition is stamped with the time it was due, so a manual
clock stepped in whole seconds gives exact timestamps however coarse the reconcile steps are.
*/
import type {Pod} from '../../../kube/types.js';
import {podSubject} from '../events.js';
import {currentPlan, accept, containerCreatingMs, exit, kill, type PodRuntime, pullBackOff, pullFailed, start} from './kubelet-steps.js';
import {forEachObject, wholeSecond} from '../objects.js';
import {emitLogs, endLogs} from './kubelet-logs.js';
import {setPodCondition} from './pod-status.js';
import type {ControllerRuntime} from '../runtime.js';

/** How long a container takes to exit after SIGTERM. */
const killDelayMs = 1000;

/** The scheduler and kubelets of all nodes. */
export class Kubelet {
	readonly #runtime: ControllerRuntime;
	readonly #pods = new Map<string, PodRuntime>();
	#nextNode = 0;
	#nextIp = 1;

	constructor(runtime: ControllerRuntime) {
		this.#runtime = runtime;
	}

	/** One pass over every pod. */
	reconcile(now: number): void {
		const {store} = this.#runtime;
		const seen = new Set<string>();
		const pods = store.list<Pod>('Pod');
		for (const pod of pods) {
			seen.add(pod.metadata.uid ?? '');
		}

		forEachObject(pods, pod => {
			this.#sync(pod, now);
		});

		// A removed pod's runtime record, attempt number and log buffers are dropped (logs keep open followers).
		for (const [uid, record] of this.#pods) {
			if (!seen.has(uid)) {
				// A force-deleted pod never went through kill(): its followers still need the end of the stream.
				for (const container of record.containers ?? []) {
					if (!this.#runtime.logs.ended(uid, container, record.restart ?? 0)) {
						this.#runtime.logs.end(uid, container, record.restart ?? 0);
					}
				}

				this.#pods.delete(uid);
				this.#runtime.logs.forget(uid);
			}
		}

		for (const uid of this.#runtime.attempts.keys()) {
			if (!seen.has(uid)) {
				this.#runtime.attempts.delete(uid);
			}
		}
	}

	#record(pod: Pod): PodRuntime {
		const uid = pod.metadata.uid ?? '';
		let record = this.#pods.get(uid);
		if (!record) {
			record = {emitted: 0, generated: 0, pullFailures: 0};
			this.#pods.set(uid, record);
		}

		record.containers = pod.spec.containers.map(container => container.name);
		record.restart = pod.status?.containerStatuses?.[0]?.restartCount ?? 0;

		return record;
	}

	#sync(initial: Pod, now: number): void {
		const {store} = this.#runtime;
		let pod = initial;
		const phase = pod.status?.phase;
		const terminal = phase === 'Succeeded' || phase === 'Failed';
		if (pod.metadata.deletionTimestamp) {
			if (terminal || !pod.spec.nodeName) {
				this.#finalDelete(pod);
				return;
			}

			const record = this.#record(pod);
			const requested = Date.parse(pod.metadata.deletionTimestamp) - ((pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000);
			const killAt = requested + Math.min(killDelayMs, (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000);
			this.#emitLogs(pod, record, Math.min(now, killAt));
			if (now >= killAt) {
				this.#endLogs(pod);
				this.#finalDelete(store.update('Pod', kill(this.#runtime, pod, killAt)));
			}

			return;
		}

		if (terminal) {
			return;
		}

		const record = this.#record(pod);

		if (!pod.spec.nodeName) {
			pod = this.#bind(pod, wholeSecond(now));
		}

		// Pod-level activeDeadlineSeconds: nothing happens after the deadline except the kill.
		const deadline = pod.spec.activeDeadlineSeconds;
		const started = Date.parse(pod.status?.startTime ?? '');
		const deadlineAt = deadline === undefined || Number.isNaN(started) ? Number.POSITIVE_INFINITY : started + (deadline * 1000);
		const until = Math.min(now, deadlineAt);
		for (let guard = 0; guard < 1000; guard++) {
			const next = this.#step(pod, record, until);
			if (!next) {
				break;
			}

			pod = store.update('Pod', next);
			if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
				return;
			}
		}

		if (pod.status?.containerStatuses?.[0]?.state?.running) {
			this.#emitLogs(pod, record, until);
		}

		if (now >= deadlineAt) {
			this.#endLogs(pod);
			const killed = kill(this.#runtime, pod, deadlineAt);
			killed.status = {...killed.status, phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline'};
			store.update('Pod', killed);
			this.#runtime.events.record(deadlineAt, podSubject(killed), 'Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline', {component: 'kubelet', host: pod.spec.nodeName});
		}
	}

	// The kubelet's final DELETE with grace 0 once the containers are stopped: the pod goes when its finalizers do.
	#finalDelete(pod: Pod): void {
		if ((pod.metadata.deletionGracePeriodSeconds ?? 0) > 0 && this.#runtime.store.get('Pod', pod.metadata.namespace, pod.metadata.name ?? '')) {
			const next = structuredClone(pod);
			next.metadata.deletionGracePeriodSeconds = 0;
			this.#runtime.store.update('Pod', next);
		}
	}

	#bind(pod: Pod, at: number): Pod {
		const {nodes, store, events} = this.#runtime;
		const node = nodes[this.#nextNode++ % Math.max(1, nodes.length)] ?? 'sim-node-1';
		const next = structuredClone(pod);
		next.spec.nodeName = node;
		setPodCondition(next, 'PodScheduled', 'True', at);
		const bound = store.update('Pod', next);
		events.record(at, podSubject(bound), 'Normal', 'Scheduled', `Successfully assigned ${bound.metadata.namespace}/${bound.metadata.name} to ${node}`, {component: 'default-scheduler'});
		return bound;
	}

	// The next transition due by `now`, applied; undefined when nothing is due.
	#step(pod: Pod, record: PodRuntime, now: number): Pod | undefined {
		const status = pod.status?.containerStatuses?.[0];
		if (!pod.status?.startTime) {
			const scheduledAt = Date.parse(pod.status?.conditions?.find(condition => condition.type === 'PodScheduled')?.lastTransitionTime ?? '') || wholeSecond(now);
			return scheduledAt <= now ? accept(this.#runtime, pod, scheduledAt, this.#hostIp(pod)) : undefined;
		}

		const plan = currentPlan(this.#runtime, pod, record);
		const waiting = status?.state?.waiting?.reason;
		if (waiting === 'ContainerCreating') {
			const at = Date.parse(pod.status.startTime) + containerCreatingMs;
			if (at > now) {
				return undefined;
			}

			return plan.imagePullFails ? pullFailed(this.#runtime, pod, at, record) : start(this.#runtime, pod, at, this.#podIp(pod));
		}

		if (waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff' || waiting === 'CrashLoopBackOff') {
			record.nextAt ??= now;
			const at = record.nextAt;
			if (at > now) {
				return undefined;
			}

			record.nextAt = undefined;
			if (waiting === 'ErrImagePull') {
				return pullBackOff(this.#runtime, pod, at, record);
			}

			return waiting === 'ImagePullBackOff' ? pullFailed(this.#runtime, pod, at, record) : start(this.#runtime, pod, at, pod.status.podIP ?? this.#podIp(pod));
		}

		const startedAt = Date.parse(status?.state?.running?.startedAt ?? '');
		if (Number.isNaN(startedAt)) {
			return undefined;
		}

		const at = startedAt + plan.runMs;
		if (at > now) {
			return undefined;
		}

		this.#emitLogs(pod, record, at);
		this.#endLogs(pod);
		return exit(this.#runtime, pod, at, plan, record);
	}

	#emitLogs(pod: Pod, record: PodRuntime, until: number): void {
		emitLogs(this.#runtime.logs, pod, record, until);
	}

	#endLogs(pod: Pod): void {
		endLogs(this.#runtime.logs, pod);
	}

	#hostIp(pod: Pod): string {
		const index = Math.max(0, this.#runtime.nodes.indexOf(pod.spec.nodeName ?? ''));
		return `172.18.0.${index + 2}`;
	}

	#podIp(pod: Pod): string {
		const index = Math.max(0, this.#runtime.nodes.indexOf(pod.spec.nodeName ?? ''));
		const n = this.#nextIp++;
		return `10.244.${index + 1}.${(n % 250) + 2}`;
	}
}
