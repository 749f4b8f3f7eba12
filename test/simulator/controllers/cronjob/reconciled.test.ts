/**
Upstream's TestControllerV2GetJobsToBeReconciled: which Jobs a CronJob claims as its own. The rule is its controller
ownerReference, in the CronJob's namespace, whatever the Job's labels say. It runs twice: against the simulator's
CronJob controller, and against the app's own job → cron job index, because the CronJob → Jobs screen lists a cron
job's jobs by the same rule and must show what the cluster's controller manages.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {CronJob, Job, KubeEvent, KubeObject} from '../../../../source/kube/types.js';
import {CronJobController} from '../../../../source/simulator/controllers/cronjob/cronjob-controller.js';
import {EventRecorder} from '../../../../source/simulator/controllers/events.js';
import {SimLogs} from '../../../../source/simulator/logs.js';
import {SimStore} from '../../../../source/simulator/store.js';
import {createManualClock} from '../../../../source/store/clock.js';
import {createResourceStore} from '../../../../source/store/resource-store.js';
import {jobsOfCronJob} from '../../../../source/view-model/lookups.js';
import {cronJobVectors, runs, type ReconciledCase} from '../../../helpers/cronjob-vectors.js';

const now = Date.parse('2016-05-19T10:00:00Z');
const uidOf = (namespace: string | undefined, name: string | undefined): string => `uid-of-${namespace}/${name}`;

// The vectors' ownerReferences carry only a name and controller: true, because upstream matches by name. Real
// references always carry the owner's kind, apiVersion and uid, and kjobs matches by uid, so each reference gets the
// uid of the CronJob of that name in the job's namespace.
function objects(c: ReconciledCase): {cronJob: CronJob; jobs: Job[]} {
	const cronJob = structuredClone(c.inputs.cronJob);
	cronJob.metadata.uid = uidOf(cronJob.metadata.namespace, cronJob.metadata.name);
	cronJob.metadata.creationTimestamp = '2016-05-19T09:00:00Z';
	// The vectors leave out the spec (or all but the template's labels). Suspended, the sync only sorts out its
	// children and starts nothing.
	const given = (cronJob.spec ?? {}) as Partial<CronJob['spec']>;
	const template = {spec: {containers: [{name: 'c', image: 'foo/bar'}]}};
	cronJob.spec = {schedule: '0 * * * ?', suspend: true, jobTemplate: {...given.jobTemplate, spec: given.jobTemplate?.spec ?? {template}}};
	const jobs = c.inputs.jobsInInformer.map((input, index) => {
		const job = structuredClone(input);
		job.metadata.uid = `job-uid-${index}`;
		job.metadata.creationTimestamp = '2016-05-19T09:00:00Z';
		job.metadata.ownerReferences = job.metadata.ownerReferences?.map(reference => ({...reference, apiVersion: 'batch/v1', kind: 'CronJob', uid: uidOf(job.metadata.namespace, reference.name)}));
		job.spec = {template: {spec: {containers: [{name: 'c'}]}}};
		return job;
	});
	return {cronJob, jobs};
}

// The controller warns UnexpectedJob about every unfinished job it claims that is not in status.active: with an empty
// active list, the warnings name exactly the jobs it reconciles.
function claimedBySimulator(c: ReconciledCase, run: (controller: CronJobController, store: SimStore) => void): string[] {
	const {cronJob, jobs} = objects(c);
	const store = new SimStore({now: () => now});
	const controller = new CronJobController({store, logs: new SimLogs(), random: () => 0.5, nodes: ['n'], events: new EventRecorder(store), attempts: new Map()});
	store.create('CronJob', cronJob);
	for (const job of jobs) {
		store.create('Job', job);
	}

	run(controller, store);
	return store.list<KubeEvent>('Event').filter(event => event.reason === 'UnexpectedJob').map(event => /: (\S+)$/.exec(event.message ?? '')![1]!).sort();
}

for (const c of cronJobVectors.getJobsToBeReconciledCases.filter(c => runs('getJobsToBeReconciledCases', c.name))) {
	test(`upstream TestControllerV2GetJobsToBeReconciled, simulator's periodic pass: ${c.name}`, () => {
		assert.deepEqual(claimedBySimulator(c, controller => {
			controller.reconcile(now);
		}), [...c.expected.jobNames].sort());
	});

	test(`upstream TestControllerV2GetJobsToBeReconciled, simulator's sync of one CronJob: ${c.name}`, () => {
		const name = c.inputs.cronJob.metadata.name ?? '';
		assert.deepEqual(claimedBySimulator(c, (controller, store) => {
			controller.sync(store.get<CronJob>('CronJob', c.inputs.cronJob.metadata.namespace, name)!, now);
		}), [...c.expected.jobNames].sort());
	});

	test(`upstream TestControllerV2GetJobsToBeReconciled, the app's CronJob → Jobs index: ${c.name}`, () => {
		const {cronJob, jobs} = objects(c);
		const store = createResourceStore({clock: createManualClock(now)});
		store.apply({type: 'upsert', kind: 'cronjobs', object: cronJob as KubeObject});
		for (const job of jobs) {
			store.apply({type: 'upsert', kind: 'jobs', object: job as KubeObject});
		}

		store.flush();
		const names = jobsOfCronJob(store.getSnapshot(), cronJob.metadata.uid!).map(found => found.object.metadata.name).sort();
		assert.deepEqual(names, [...c.expected.jobNames].sort());
	});
}
