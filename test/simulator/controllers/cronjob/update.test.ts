/**
Upstream's TestControllerV2UpdateCronJob: after a CronJob's schedule changes, the controller looks at it again when the
new schedule next fires (plus 100 ms). The simulator has no work queue to delay; it reconciles every CronJob on each
tick. So each case is checked twice: the ported delay function gives upstream's delay, and the simulator's controller
starts the new schedule's job exactly when that delay (less its 100 ms margin) is up, and not a millisecond before.
The cases whose upstream delay is 0 (requeue at once) are classified not applicable in cronjob-vectors.ts.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextScheduleDeltaMs, nextScheduleTimeDuration} from '../../../../source/kube/cron/schedule.js';
import type {CronJob} from '../../../../source/kube/types.js';
import {CronJobController, cronJobChildName} from '../../../../source/simulator/controllers/cronjob/cronjob-controller.js';
import {EventRecorder} from '../../../../source/simulator/controllers/events.js';
import {SimLogs} from '../../../../source/simulator/logs.js';
import {SimStore} from '../../../../source/simulator/store.js';
import {cronJobVectors, runs, type UpdateCase} from '../../../helpers/cronjob-vectors.js';

// The vectors' job template is a Go helper call ("$jobSpec()"); any valid job spec does here.
function cronJobOf(c: UpdateCase, version: 'old' | 'new'): CronJob {
	const cronJob = structuredClone(c.inputs[version]);
	cronJob.metadata = {name: 'mycronjob', namespace: 'snazzycats', uid: 'cronjob-uid', creationTimestamp: '2016-05-19T09:00:00Z'};
	cronJob.spec.jobTemplate.spec = {template: {spec: {containers: [{name: 'c', image: 'foo/bar'}]}}};
	return cronJob;
}

for (const c of cronJobVectors.updateCronJobCases.filter(c => runs('updateCronJobCases', c.name))) {
	const now = Date.parse(c.inputs.now);
	const delayMs = Math.round(c.expected.queueDelaySeconds * 1000);

	test(`upstream TestControllerV2UpdateCronJob, the requeue delay: ${c.name}`, () => {
		assert.equal(nextScheduleTimeDuration(cronJobOf(c, 'new'), now), delayMs);
	});

	test(`upstream TestControllerV2UpdateCronJob, the simulator starts the new schedule's job on time: ${c.name}`, () => {
		let clock = now;
		const store = new SimStore({now: () => clock});
		const controller = new CronJobController({store, logs: new SimLogs(), random: () => 0.5, nodes: ['n'], events: new EventRecorder(store), attempts: new Map()});
		const stored = store.create('CronJob', cronJobOf(c, 'old'));
		store.update('CronJob', {...cronJobOf(c, 'new'), metadata: stored.metadata});
		const due = now + delayMs - nextScheduleDeltaMs;
		const sync = (at: number) => {
			clock = at;
			return controller.sync(store.get<CronJob>('CronJob', 'snazzycats', 'mycronjob')!, at);
		};

		assert.equal(sync(now).created, undefined, 'nothing is due when the update lands');
		assert.equal(sync(due - 1).created, undefined, 'nothing is due a millisecond early');
		assert.equal(sync(due).created, cronJobChildName(cronJobOf(c, 'new'), due));
	});
}
