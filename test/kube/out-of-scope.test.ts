import {describe, test} from 'node:test';
import {loadUpstream} from '../helpers/upstream.js';

// cronjob-controller-sync.json drives the whole CronJob controller (fake clients, events, status updates);
// that behaviour belongs to source/simulator/, which uses this layer's schedule maths. Listed so every case is accounted for.
const file = loadUpstream<Record<string, Array<{name: string; test?: string}>>>('cronjob-controller-sync.json');
const reason = 'controller sync behaviour (job creation, events, status updates, requeue) — out of scope for the pure kube/ layer; belongs to source/simulator tests';

describe('cronjob-controller-sync.json (out of scope)', () => {
	for (const group of ['cases', 'updateCronJobCases', 'getJobsToBeReconciledCases', 'cleanupFinishedJobsCases']) {
		for (const item of file[group] ?? []) {
			test(`${group}: ${item.name}`, {skip: reason}, () => {});
		}
	}
});
