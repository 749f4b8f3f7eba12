import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after} from 'node:test';
import {loadConnection, type Connection} from '../../source/cluster/connection/kubeconfig.js';
import {jobPodSelector} from '../../source/cluster/watch/resources.js';
import type {Job, KubeObject} from '../../source/kube/types.js';
import {seededRandom} from '../../source/simulator/random.js';
import type {Simulator} from '../../source/simulator/index.js';
import {startWatchers, type Watchers} from '../../source/cluster/watch/watcher.js';
import {createManualClock, type ManualClock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import type {StoreView, WatchEvent} from '../../source/store/types.js';

export const start = Date.parse('2026-11-23T10:00:00Z');

/** Fake secrets used across the reliability tests: none of them may ever appear in output or files. */
export const fakeToken = 'kjobs-fake-token-7f3a9c1e5b7d4a2f8e6c0b9a1d3f5e7c';
export const fakeWrongToken = 'kjobs-fake-wrong-token-2b4d6f8a0c1e3a5c7e9b1d3f';
export const fakeClientKey = [
	'-----BEGIN PRIVATE KEY-----',
	'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgkjobsFAKEkeyDONOTuse',
	'kjobsFAKEkeyDONOTusekjobsFAKEkeyDONOTusehRANCAAQkjobsFAKEkeyDONOTuse',
	'-----END PRIVATE KEY-----',
	'',
].join('\n');

/** Texts that must never leak: the token, the key and their base64 forms as a kubeconfig would carry them. */
export const secrets = [fakeToken, fakeWrongToken, 'kjobsFAKEkeyDONOTuse', Buffer.from(fakeClientKey).toString('base64').slice(0, 40)];

/** A temp directory removed after the file's tests. */
export function tempDir(prefix: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	after(() => {
		rmSync(dir, {recursive: true, force: true});
	});
	return dir;
}

let counter = 0;
/** Loads a connection from kubeconfig text written to `dir`, as the app does. */
export function connectionFrom(dir: string, yaml: string, scope: {namespace?: string; allNamespaces?: boolean} = {}): Connection {
	const file = path.join(dir, `config-${counter++}.yaml`);
	writeFileSync(file, yaml);
	return loadConnection({kubeconfig: file, env: {}, homeDir: dir, ...scope});
}

/** uid → resourceVersion, sorted. */
export function versions(objects: Iterable<KubeObject>): Array<[string, string]> {
	return [...objects].map(object => [object.metadata.uid ?? '', object.metadata.resourceVersion ?? ''] as [string, string]).sort();
}

/** The server's truth as the app should mirror it: every job and cron job, and the pods that belong to jobs. */
export function serverTruth(sim: Simulator): {jobs: Array<[string, string]>; cronJobs: Array<[string, string]>; pods: Array<[string, string]>} {
	return {
		jobs: versions(sim.store.list('Job')),
		cronJobs: versions(sim.store.list('CronJob')),
		pods: versions(sim.store.list('Pod').filter(pod => pod.metadata.labels?.[jobPodSelector] !== undefined)),
	};
}

/** The app store's picture, in the same shape. */
export function storePicture(snapshot: StoreView): ReturnType<typeof serverTruth> {
	return {jobs: versions(snapshot.jobs.values()), cronJobs: versions(snapshot.cronJobs.values()), pods: versions(snapshot.pods.values())};
}

export {waitFor} from '../helpers/wait-for.js';

/** A minimal valid Job. */
export function jobInput(name: string, namespace = 'default', labels: Record<string, string> = {}): Job {
	return {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {name, namespace, labels},
		spec: {template: {spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'}}},
	};
}

/** Direct churn on the server's store: creates, relabels and deletes plain jobs (seeded). */
export function churner(seed: number): (sim: Simulator) => number {
	const random = seededRandom(seed);
	let next = 0;
	return sim => {
		let changes = 0;
		for (let i = 0; i < 5; i++) {
			const mine = sim.store.list<Job>('Job', 'default').filter(job => job.metadata.name?.startsWith('churn-'));
			const pick = random();
			if (pick < 0.45 || mine.length === 0) {
				sim.store.create('Job', jobInput(`churn-${next++}`));
			} else if (pick < 0.75) {
				const job = mine[Math.floor(random() * mine.length)]!;
				sim.store.update('Job', {...job, metadata: {...job.metadata, labels: {...job.metadata.labels, touch: String(next++)}}});
			} else {
				const job = mine[Math.floor(random() * mine.length)]!;
				sim.store.remove('Job', 'default', job.metadata.name!);
			}

			changes++;
		}

		return changes;
	};
}

/** A jobs watch on a plain-http test server, on a manual clock, with every error the loop reported (not only the ones a coalesced notification shows). */
export type RecordedWatch = {readonly clock: ManualClock; readonly store: ReturnType<typeof createResourceStore>; readonly errors: string[]; readonly watchers: Watchers};

/** Starts kjobs' jobs watcher against `http://127.0.0.1:port` (namespace default, a bearer token), recording its errors. */
export function watchJobsOn(port: number, dir: string): RecordedWatch {
	const yaml = `clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]\nusers: [{name: u, user: {token: ${fakeToken}}}]\ncontexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]\ncurrent-context: x\n`;
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const errors: string[] = [];
	const recording = {
		...store,
		apply(event: WatchEvent) {
			if (event.type === 'status' && (event.state.phase === 'reconnecting' || event.state.phase === 'failed')) {
				errors.push(event.state.error);
			}

			store.apply(event);
		},
	};
	const watchers = startWatchers(connectionFrom(dir, yaml), recording, clock, {kinds: ['jobs'], backoff: {random: () => 1}});
	return {clock, store, errors, watchers};
}
