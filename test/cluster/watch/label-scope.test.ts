import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {CronJob, Job, KubeObject} from '../../../source/kube/types.js';
import {allLive, jobInput, podInput, rig, waitFor} from '../../helpers/cluster.js';

// A suspended cron job (nothing runs by itself) with the given labels.
function cronJobInput(name: string, labels: Record<string, string>): CronJob {
	return {
		apiVersion: 'batch/v1',
		kind: 'CronJob',
		metadata: {name, namespace: 'default', labels},
		spec: {schedule: '0 3 * * *', suspend: true, jobTemplate: {spec: {template: {spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'}}}}},
	} as CronJob;
}

// A run of a cron job: owned by it, with no labels of its own (a job template's labels are not the cron job's).
function runInput(name: string, cronJob: CronJob): Job {
	const job = jobInput(name);
	job.metadata.ownerReferences = [{apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name!, uid: cronJob.metadata.uid!, controller: true}];
	job.spec = {...job.spec, suspend: true};
	return job;
}

const names = (objects: Iterable<KubeObject>) => [...objects].map(object => object.metadata.name).sort();

test('-l: a matching cron job brings its runs and their pods, a labelled one later too; one that stops matching takes them quietly', {timeout: 15_000}, async () => {
	const r = await rig({
		watch: {labelSelector: 'team=data'},
		setup(sim) {
			const exporter = sim.store.create<CronJob>('CronJob', cronJobInput('export', {team: 'data'}));
			const other = sim.store.create<CronJob>('CronJob', cronJobInput('other', {}));
			for (const job of [runInput('export-1', exporter), runInput('other-1', other), jobInput('migrate', 'default', {team: 'data'}), jobInput('unrelated')]) {
				const created = sim.store.create<Job>('Job', {...job, spec: {...job.spec, suspend: true}});
				sim.store.create('Pod', podInput(`${job.metadata.name}-pod`, created.metadata.uid!));
			}
		},
	});
	try {
		await allLive(r.store);
		assert.deepEqual(names(r.snapshot().cronJobs.values()), ['export']);
		assert.deepEqual(names(r.snapshot().jobs.values()), ['export-1', 'migrate']);
		assert.deepEqual(names(r.snapshot().pods.values()), ['export-1-pod', 'migrate-pod']);
		const exporter = r.sim.store.get<CronJob>('CronJob', 'default', 'export')!;
		assert.deepEqual(names([...r.snapshot().jobsByCronJob.get(exporter.metadata.uid!) ?? []].map(uid => r.snapshot().jobs.get(uid)!)), ['export-1']);

		// Labelled while kjobs runs: the cron job, its run and the run's pod arrive together.
		const other = r.sim.store.get<CronJob>('CronJob', 'default', 'other')!;
		r.sim.store.update('CronJob', {...other, metadata: {...other.metadata, labels: {team: 'data'}}});
		await waitFor('the other cron job\'s run', () => names(r.snapshot().pods.values()).includes('other-1-pod'));
		assert.deepEqual(names(r.snapshot().jobs.values()), ['export-1', 'migrate', 'other-1']);

		// No longer matching: the cron job goes as the server says (a delete), its run and pod go without a trace.
		const labelled = r.sim.store.get<CronJob>('CronJob', 'default', 'export')!;
		r.sim.store.update('CronJob', {...labelled, metadata: {...labelled.metadata, labels: {team: 'web'}}});
		await waitFor('the export run gone', () => !names(r.snapshot().jobs.values()).includes('export-1'));
		assert.deepEqual(names(r.snapshot().jobs.values()), ['migrate', 'other-1']);
		assert.deepEqual(names(r.snapshot().pods.values()), ['migrate-pod', 'other-1-pod']);
		const tombstones = [...r.snapshot().deleted.values()].map(tombstone => tombstone.object.metadata.name);
		assert.ok(!tombstones.includes('export-1') && !tombstones.includes('export-1-pod'), `no deletion shown for what only left the selection: ${tombstones.join(', ')}`);

		// A job labelled into the selection brings its pod; labelled out, it leaves as a selected watch ends it.
		const unrelated = r.sim.store.get<Job>('Job', 'default', 'unrelated')!;
		r.sim.store.update('Job', {...unrelated, metadata: {...unrelated.metadata, labels: {team: 'data'}}});
		await waitFor('the labelled job\'s pod', () => names(r.snapshot().pods.values()).includes('unrelated-pod'));
		const relabelled = r.sim.store.get<Job>('Job', 'default', 'unrelated')!;
		r.sim.store.update('Job', {...relabelled, metadata: {...relabelled.metadata, labels: {}}});
		await waitFor('the unlabelled job gone', () => !names(r.snapshot().jobs.values()).includes('unrelated'));
		assert.deepEqual(names(r.snapshot().pods.values()), ['migrate-pod', 'other-1-pod']);
		// The cron jobs are still selected by the server; jobs are watched whole and scoped here.
		const selectors = (path: string) => [...new Set(r.sim.requests.filter(request => request.path === path).map(request => new URLSearchParams(request.query).get('labelSelector')))];
		assert.deepEqual(selectors('/apis/batch/v1/namespaces/default/cronjobs'), ['team=data']);
		assert.deepEqual(selectors('/apis/batch/v1/namespaces/default/jobs'), [null]);
	} finally {
		await r.stop();
	}
});
