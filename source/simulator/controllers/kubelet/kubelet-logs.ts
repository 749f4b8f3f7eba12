/**
Container output: the kubelet writes each line of a running container instance at its own due time (scripted lines
spread over the run, generated load lines at a steady rate) and ends the instance when the container stops.
*/
import type {Pod} from '../../../kube/types.js';
import type {SimLogs} from '../../logs.js';
import type {PodRuntime} from './kubelet-steps.js';
import {rfc3339} from '../objects.js';
import {lineOffset} from '../job/pod-plan.js';

/** Writes the current instance's lines that are due by `until` (never past the end of the run). */
export function emitLogs(logs: SimLogs, pod: Pod, record: PodRuntime, until: number): void {
	const status = pod.status?.containerStatuses?.[0];
	const startedAt = Date.parse(status?.state?.running?.startedAt ?? '');
	if (Number.isNaN(startedAt) || !record.plan) {
		return;
	}

	const plan = record.plan;
	const uid = pod.metadata.uid ?? '';
	const restart = status?.restartCount ?? 0;
	const end = Math.min(until, startedAt + plan.runMs);
	const due: Array<{time: number; data: Buffer}> = [];
	while (record.emitted < plan.lines.length) {
		const time = startedAt + lineOffset(record.emitted, plan.lines.length, plan.runMs);
		if (time > end) {
			break;
		}

		due.push({time, data: plan.lines[record.emitted]!});
		record.emitted++;
	}

	if (plan.linesPerSecond > 0) {
		for (;;) {
			const time = startedAt + Math.floor((record.generated * 1000) / plan.linesPerSecond);
			if (time > end || time >= startedAt + plan.runMs) {
				break;
			}

			due.push({time, data: Buffer.from(`${rfc3339(time)} INFO worker=${pod.metadata.name} seq=${record.generated} processed item ${record.generated} in ${1 + (record.generated % 97)}ms`, 'utf8')});
			record.generated++;
		}
	}

	due.sort((a, b) => a.time - b.time);
	for (const line of due) {
		for (const container of pod.spec.containers) {
			logs.append(uid, container.name, restart, line);
		}
	}
}

/** Ends the current instance of every container (creating it if it never printed, so readers see an ended log). */
export function endLogs(logs: SimLogs, pod: Pod): void {
	const restart = pod.status?.containerStatuses?.[0]?.restartCount ?? 0;
	for (const container of pod.spec.containers) {
		logs.end(pod.metadata.uid ?? '', container.name, restart);
	}
}
