/**
A store on a hand-moved clock whose notifications go out only on flush(), and minimal jobs and pods to feed it: what
the store tests share.
*/
import type {KubeObject} from '../../source/kube/types.js';
import type {Clock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';

/** A job with just the fields the store reads. */
export const job = (uid: string, rv = '1'): KubeObject => ({metadata: {name: `job-${uid}`, namespace: 'default', uid, resourceVersion: rv}, spec: {}} as KubeObject);

/** A pod of job `jobUid` (by the controller-uid label), with just the fields the store reads. */
export const pod = (uid: string, jobUid: string, rv = '1'): KubeObject => ({
	metadata: {name: `pod-${uid}`, namespace: 'default', uid, resourceVersion: rv, labels: {'batch.kubernetes.io/controller-uid': jobUid}},
	spec: {containers: []},
} as unknown as KubeObject);

/** A clock that reads `now` and whose timers never fire, so a store on it notifies only when flushed. */
export function flushOnlyClock(now: () => number): Clock {
	return {now, setTimer: () => () => {}, subscribe: () => () => {}};
}

/** A fresh store: `later` moves its clock, `jobs` lists the job uids, `published` flushes and returns the changes. */
export function harness() {
	let now = 1_000_000;
	const store = createResourceStore({clock: flushOnlyClock(() => now)});
	return {
		store,
		later(ms: number) {
			now += ms;
		},
		jobs: () => [...store.getSnapshot().jobs.keys()].sort(),
		published() {
			store.flush();
			return store.getSnapshot().changes!;
		},
	};
}
