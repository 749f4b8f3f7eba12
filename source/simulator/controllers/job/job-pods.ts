/**
The pods the job controller creates (the `batch.kubernetes.io/*` labels and annotations, the tracking finalizer and a
controller ownerReference, as pkg/controller/job/job_controller.go sets them) and the completed-index bookkeeping of
Indexed jobs.
*/
import {completionIndexAnnotation, type Job, jobLabels, type Pod} from '../../../kube/types.js';
import {defaultPodSpec} from '../../api/defaults.js';
import type {SimStore} from '../../store.js';
import {controllerRef, rfc3339} from '../objects.js';

/** The finalizer that keeps a pod until the job controller counted it. */
export const trackingFinalizer = 'batch.kubernetes.io/job-tracking';

/** Formats sorted, distinct indexes as the API's interval string ("0-2,5"). */
export function formatIntervals(indexes: Iterable<number>): string {
	const sorted = [...new Set(indexes)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) {
			j++;
		}

		parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
		i = j + 1;
	}

	return parts.join(',');
}

/** Parses an interval string back into indexes. */
export function parseIntervals(text: string | undefined): Set<number> {
	const out = new Set<number>();
	for (const part of (text ?? '').split(',')) {
		const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
		if (match) {
			const low = Number(match[1]);
			const high = match[2] === undefined ? low : Number(match[2]);
			for (let i = low; i <= high; i++) {
				out.add(i);
			}
		}
	}

	return out;
}

/** The completion index of an Indexed job's pod, or undefined. */
export function podIndex(pod: Pod): number | undefined {
	const value = pod.metadata.annotations?.[completionIndexAnnotation] ?? pod.metadata.labels?.[jobLabels.completionIndex];
	const index = Number.parseInt(value ?? '', 10);
	return Number.isNaN(index) ? undefined : index;
}

/** Creates one pod for `job` at `now` (Indexed jobs: for an index, with the index's earlier failure count). */
export function createJobPod(store: SimStore, job: Job, now: number, indexed?: {index: number; failures: number}): Pod {
	const index = indexed?.index;
	const name = job.metadata.name ?? '';
	const template = structuredClone(job.spec.template);
	const labels = {...template.metadata?.labels};
	const annotations = {...template.metadata?.annotations};
	const spec = template.spec;
	let prefix = `${name}-`;
	if (index !== undefined) {
		const suffix = `-${index}-`;
		prefix = name.slice(0, Math.max(0, 58 - suffix.length)) + suffix;
		labels[jobLabels.completionIndex] = String(index);
		annotations[completionIndexAnnotation] = String(index);
		if (job.spec.backoffLimitPerIndex !== undefined) {
			annotations['batch.kubernetes.io/job-index-failure-count'] = String(indexed?.failures ?? 0);
		}

		spec['hostname'] = `${name}-${index}`;
		for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
			container.env = [
				...(container.env ?? []).filter(variable => variable.name !== 'JOB_COMPLETION_INDEX'),
				{name: 'JOB_COMPLETION_INDEX', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: `metadata.annotations['${completionIndexAnnotation}']`}}},
			];
		}
	}

	defaultPodSpec(spec, 'Never');
	spec.serviceAccountName ??= 'default';
	spec['serviceAccount'] ??= spec.serviceAccountName;
	spec['enableServiceLinks'] ??= true;
	spec['priority'] ??= 0;
	spec['preemptionPolicy'] ??= 'PreemptLowerPriority';
	spec['tolerations'] ??= [
		{key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
		{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
	];
	delete spec.nodeName;
	const base = prefix.slice(0, 58);
	for (let tries = 0; ; tries++) {
		const pod: Pod = {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {
				name: base + store.randomSuffix(),
				generateName: prefix,
				namespace: job.metadata.namespace,
				creationTimestamp: rfc3339(now),
				labels,
				...(Object.keys(annotations).length > 0 ? {annotations} : {}),
				finalizers: [trackingFinalizer],
				ownerReferences: [controllerRef(job, 'Job')],
			},
			spec,
			status: {phase: 'Pending', ...({qosClass: 'BestEffort'} as object)},
		};
		try {
			return store.create('Pod', pod);
		} catch (error) {
			if (tries > 10) {
				throw error;
			}
		}
	}
}
