/**
What `-l` selects, between the watchers and the store. A label selector sent to the API server picks objects by their
own labels, but a cron job's runs carry the labels of its job template, not the cron job's: `-l team=data` showed the
cron job and none of its jobs (its detail said `Jobs (0)`, HISTORY was empty), and the pods of every job besides.

So the cron jobs are still selected by the server, while jobs and pods are watched whole and passed on here: a job
when the selector matches it or when a cron job in the selection owns it, a pod when its job is passed on. The scope
remembers the runs and pods it holds back, so a cron job that comes into the selection later (listed after its jobs,
or labelled while kjobs runs) brings its runs and their pods at once; one that leaves takes them with it.
*/
import {type LabelRequirement, matchesLabelSelector, parseLabelSelector} from '../../kube/labels/selector.js';
import type {KubeObject} from '../../kube/types.js';
import {jobCronJobUid, ParentIndex, podJobUid} from '../../store/indexes.js';
import type {WatchEvent} from '../../store/types.js';

/** Turns one watcher event into the events the store should see (none, when it is about something out of scope). */
export type LabelScope = (event: WatchEvent) => WatchEvent[];

/**
The scope of a `-l` selector, or undefined when the text is not a valid selector (the API server then answers for it,
and the watch shows its refusal).
*/
export function createLabelScope(selector: string): LabelScope | undefined {
	let requirements: LabelRequirement[];
	try {
		requirements = parseLabelSelector(selector);
	} catch {
		return undefined;
	}

	const matches = (object: KubeObject) => matchesLabelSelector(object.metadata.labels, requirements);
	// The cron jobs the store holds (the server selected them).
	const cronJobs = new Set<string>();
	// Jobs a cron job owns that the selector does not match itself: in scope exactly while their cron job is.
	const runs = new Map<string, KubeObject>();
	const runsByCronJob = new ParentIndex();
	// The jobs the store holds.
	const jobsIn = new Map<string, KubeObject>();
	// Every job pod seen, and which of them the store holds.
	const pods = new Map<string, KubeObject>();
	const podsByJob = new ParentIndex();
	const podsIn = new Set<string>();

	const inScope = (job: KubeObject) => matches(job) || cronJobs.has(jobCronJobUid(job) ?? '');

	// Records a job's latest version; true when it is in scope.
	const noteJob = (job: KubeObject): boolean => {
		const uid = job.metadata.uid ?? '';
		const cronJob = jobCronJobUid(job);
		if (cronJob !== undefined && !matches(job)) {
			runs.set(uid, job);
			runsByCronJob.set(uid, cronJob);
		} else {
			runs.delete(uid);
			runsByCronJob.remove(uid);
		}

		if (inScope(job)) {
			jobsIn.set(uid, job);
			return true;
		}

		jobsIn.delete(uid);
		return false;
	};

	const forgetJob = (uid: string) => {
		runs.delete(uid);
		runsByCronJob.remove(uid);
		jobsIn.delete(uid);
	};

	const notePod = (pod: KubeObject): boolean => {
		const uid = pod.metadata.uid ?? '';
		pods.set(uid, pod);
		podsByJob.set(uid, podJobUid(pod));
		if (jobsIn.has(podJobUid(pod) ?? '')) {
			podsIn.add(uid);
			return true;
		}

		podsIn.delete(uid);
		return false;
	};

	// The pods of jobs that came into scope, as upserts.
	const podsOf = (jobUids: Iterable<string>): WatchEvent[] => {
		const events: WatchEvent[] = [];
		for (const jobUid of jobUids) {
			for (const uid of podsByJob.children.get(jobUid) ?? []) {
				const pod = pods.get(uid);
				if (pod !== undefined && !podsIn.has(uid)) {
					podsIn.add(uid);
					events.push({type: 'upsert', kind: 'pods', object: pod});
				}
			}
		}

		return events;
	};

	// When jobs left the scope, their pods leave the store: the pods are listed anew without them (none, if none left).
	const podsLeft = (): WatchEvent[] => {
		let left = false;
		for (const uid of [...podsIn]) {
			if (!jobsIn.has(podJobUid(pods.get(uid)!) ?? '')) {
				podsIn.delete(uid);
				left = true;
			}
		}

		return left ? [{type: 'relist', kind: 'pods', objects: [...podsIn].map(uid => pods.get(uid)!)}] : [];
	};

	/**
	After jobs left the scope without being deleted (their cron job left the selection): the store's jobs and pods are
	listed anew without them, so they go quietly instead of reading as deletions.
	*/
	const withoutLeft = (left: readonly string[]): WatchEvent[] => {
		if (left.length === 0) {
			return [];
		}

		for (const uid of left) {
			jobsIn.delete(uid);
		}

		return [{type: 'relist', kind: 'jobs', objects: [...jobsIn.values()]}, ...podsLeft()];
	};

	// A cron job came into the store: its runs come with it, and their pods.
	const cronJobCame = (uid: string): WatchEvent[] => {
		if (cronJobs.has(uid)) {
			return [];
		}

		cronJobs.add(uid);
		const came: string[] = [];
		const events: WatchEvent[] = [];
		for (const jobUid of runsByCronJob.children.get(uid) ?? []) {
			const job = runs.get(jobUid);
			if (job !== undefined && !jobsIn.has(jobUid)) {
				jobsIn.set(jobUid, job);
				came.push(jobUid);
				events.push({type: 'upsert', kind: 'jobs', object: job});
			}
		}

		return [...events, ...podsOf(came)];
	};

	// Cron jobs that left the store: their runs (the ones the selector does not match itself) leave with them.
	const cronJobsWent = (uids: readonly string[]): WatchEvent[] => {
		const left: string[] = [];
		for (const uid of uids) {
			cronJobs.delete(uid);
			left.push(...[...runsByCronJob.children.get(uid) ?? []].filter(jobUid => jobsIn.has(jobUid)));
		}

		return withoutLeft(left);
	};

	const cronJobEvent = (event: WatchEvent): WatchEvent[] => {
		switch (event.type) {
			case 'upsert': {
				return [event, ...cronJobCame(event.object.metadata.uid ?? '')];
			}

			case 'list-page': {
				return [event, ...event.objects.flatMap(object => cronJobCame(object.metadata.uid ?? ''))];
			}

			case 'delete': {
				return [event, ...cronJobsWent([event.object.metadata.uid ?? ''])];
			}

			case 'relist': {
				const listed = new Set(event.objects.map(object => object.metadata.uid ?? ''));
				return [event, ...cronJobsWent([...cronJobs].filter(uid => !listed.has(uid))), ...[...listed].flatMap(uid => cronJobCame(uid))];
			}

			default: {
				return [event];
			}
		}
	};

	const jobEvent = (event: WatchEvent): WatchEvent[] => {
		switch (event.type) {
			case 'upsert': {
				const uid = event.object.metadata.uid ?? '';
				const was = jobsIn.has(uid);
				if (noteJob(event.object)) {
					return [event, ...(was ? [] : podsOf([uid]))];
				}

				// It no longer matches: the server would have ended it with a delete event in a selected watch.
				return was ? [{type: 'delete', kind: 'jobs', object: event.object}, ...podsLeft()] : [];
			}

			case 'list-page': {
				const came: string[] = [];
				const kept = event.objects.filter(object => {
					const uid = object.metadata.uid ?? '';
					const was = jobsIn.has(uid);
					const now = noteJob(object);
					if (now && !was) {
						came.push(uid);
					}

					return now;
				});
				return [{...event, objects: kept}, ...podsOf(came)];
			}

			case 'delete': {
				const uid = event.object.metadata.uid ?? '';
				const was = jobsIn.has(uid);
				forgetJob(uid);
				return was ? [event] : [];
			}

			case 'relist': {
				const before = new Set(jobsIn.keys());
				runs.clear();
				runsByCronJob.clear();
				jobsIn.clear();
				const kept = event.objects.filter(object => noteJob(object));
				const came = kept.map(object => object.metadata.uid ?? '').filter(uid => !before.has(uid));
				return [{...event, objects: kept}, ...podsOf(came), ...podsLeft()];
			}

			default: {
				return [event];
			}
		}
	};

	const podEvent = (event: WatchEvent): WatchEvent[] => {
		switch (event.type) {
			case 'upsert': {
				const uid = event.object.metadata.uid ?? '';
				const was = podsIn.has(uid);
				return notePod(event.object) ? [event] : (was ? [{type: 'delete', kind: 'pods', object: event.object}] : []);
			}

			case 'list-page': {
				return [{...event, objects: event.objects.filter(object => notePod(object))}];
			}

			case 'delete': {
				const uid = event.object.metadata.uid ?? '';
				const was = podsIn.delete(uid);
				pods.delete(uid);
				podsByJob.remove(uid);
				return was ? [event] : [];
			}

			case 'relist': {
				pods.clear();
				podsByJob.clear();
				podsIn.clear();
				return [{...event, objects: event.objects.filter(object => notePod(object))}];
			}

			default: {
				return [event];
			}
		}
	};

	return event => {
		switch (event.kind) {
			case 'cronjobs': {
				return cronJobEvent(event);
			}

			case 'jobs': {
				return jobEvent(event);
			}

			case 'pods': {
				return podEvent(event);
			}

			case 'events': {
				return [event];
			}
		}
	};
}
