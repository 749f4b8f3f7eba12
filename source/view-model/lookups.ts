/**
Reads related objects out of a snapshot: a job's pods, a cron job's jobs, an object's events (tombstones included).
*/
import type {CronJob, Job, KubeEvent, Pod} from '../kube/types.js';
import {timeOf} from '../kube/types.js';
import type {StoreView} from '../store/types.js';

/** An object with whether it is a tombstone (and then when it was seen deleted: its clocks stop there). */
export type Found<T> = {readonly object: T; readonly deleted: boolean; readonly deletedAt?: number};

/** The pods of a job (live ones and recently deleted ones), oldest first. */
export function podsOfJob(snapshot: StoreView, jobUid: string): Array<Found<Pod>> {
	const found: Array<Found<Pod>> = [];
	for (const uid of snapshot.podsByJob.get(jobUid) ?? []) {
		const live = snapshot.pods.get(uid);
		if (live) {
			found.push({object: live, deleted: false});
			continue;
		}

		const tombstone = snapshot.deleted.get(uid);
		if (tombstone && isPod(tombstone.object)) {
			found.push({object: tombstone.object, deleted: true, deletedAt: tombstone.deletedAt});
		}
	}

	return sortByCreation(found);
}

// byCreation's order with each timestamp parsed once (this runs for every job row on every clock tick).
function sortByCreation<T extends CronJob | Job | Pod>(found: Array<Found<T>>): Array<Found<T>> {
	if (found.length < 2) {
		return found;
	}

	const times = new Map(found.map((item) => [item, timeOf(item.object.metadata.creationTimestamp) ?? 0]));
	return found.sort((a, b) => times.get(a)! - times.get(b)! || (a.object.metadata.name ?? '').localeCompare(b.object.metadata.name ?? ''));
}

/** The jobs of a cron job (live ones and recently deleted ones), oldest first. */
export function jobsOfCronJob(snapshot: StoreView, cronJobUid: string): Array<Found<Job>> {
	const found: Array<Found<Job>> = [];
	for (const uid of snapshot.jobsByCronJob.get(cronJobUid) ?? []) {
		const live = snapshot.jobs.get(uid);
		if (live) {
			found.push({object: live, deleted: false});
			continue;
		}

		const tombstone = snapshot.deleted.get(uid);
		if (tombstone && isJob(tombstone.object)) {
			found.push({object: tombstone.object, deleted: true, deletedAt: tombstone.deletedAt});
		}
	}

	return found.sort((a, b) => byCreation(a.object, b.object));
}

/** The events about the given objects, oldest first by when they were last seen. */
export function eventsOf(snapshot: StoreView, uids: readonly string[]): KubeEvent[] {
	const events: KubeEvent[] = [];
	for (const uid of uids) {
		for (const eventUid of snapshot.eventsByObject.get(uid) ?? []) {
			const event = snapshot.events.get(eventUid);
			if (event) {
				events.push(event);
			}
		}
	}

	return events.sort((a, b) => (eventTime(a) ?? 0) - (eventTime(b) ?? 0));
}

/** When an event was last seen (lastTimestamp, else eventTime, else firstTimestamp, else creation). */
export function eventTime(event: KubeEvent): number | undefined {
	return timeOf(event.lastTimestamp) ?? timeOf(event.eventTime) ?? timeOf(event.firstTimestamp) ?? timeOf(event.metadata.creationTimestamp);
}

/** Orders objects by creation time, then by name, so equal timestamps still sort stably. */
export function byCreation(a: CronJob | Job | Pod, b: CronJob | Job | Pod): number {
	return (timeOf(a.metadata.creationTimestamp) ?? 0) - (timeOf(b.metadata.creationTimestamp) ?? 0)
		|| (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}

// List items carry no `kind`, so tombstones are told apart by the shape of their spec.

/** Whether a tombstoned object is a pod. */
export function isPod(object: CronJob | Job | Pod): object is Pod {
	return Array.isArray((object.spec as {containers?: unknown}).containers);
}

/** Whether a tombstoned object is a cron job. */
export function isCronJob(object: CronJob | Job | Pod): object is CronJob {
	return (object.spec as {jobTemplate?: unknown}).jobTemplate !== undefined;
}

/** Whether a tombstoned object is a job. */
export function isJob(object: CronJob | Job | Pod): object is Job {
	return !isPod(object) && !isCronJob(object);
}

/** The live objects first, then the tombstones, each in the order given (a detail table lists the fading rows last). */
export function liveFirst<T>(found: ReadonlyArray<Found<T>>): Array<Found<T>> {
	return [...found.filter((item) => !item.deleted), ...found.filter((item) => item.deleted)];
}
