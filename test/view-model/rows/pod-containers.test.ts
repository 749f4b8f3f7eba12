import assert from 'node:assert/strict';
import {test} from 'node:test';
import {containerLines} from '../../../source/view-model/detail/detail-lines.js';
import {podContainers} from '../../../source/view-model/rows/pod-containers.js';
import {at, makeJob, makePod, now} from '../../helpers/builders.js';

const job = makeJob('etl');

test('a pod\'s containers say what they do now, how the last run ended and what they said', () => {
	const running = makePod(job, 'aaaaa', {created: -125});
	assert.deepEqual(podContainers(running, now), [{name: 'main', init: false, image: 'busybox:1.36', state: 'Running for 2m4s', tone: 'running', ready: true, restarts: 0}]);

	const killed = makePod(job, 'bbbbb', {phase: 'Failed', exitCode: 137, reason: 'OOMKilled', created: -300, finished: -240});
	killed.status!.containerStatuses![0]!.state!.terminated!.message = 'loader: out of memory\nat row 1200\nin batch 3\nmore';
	assert.deepEqual(podContainers(killed, now)[0], {
		name: 'main', init: false, image: 'busybox:1.36', state: 'Terminated: exit 137 OOMKilled after 59s, 4m ago', tone: 'error', ready: false, restarts: 0,
		message: 'loader: out of memory ⏎ at row 1200 ⏎ in batch 3 …',
	});

	const restarted = makePod(job, 'ccccc', {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container'}, restartCount: 3, lastTerminated: {exitCode: 2, reason: 'Error', finished: -50}});
	restarted.spec.initContainers = [{name: 'migrate', image: 'registry.example.test/migrate:1'}];
	restarted.status!.initContainerStatuses = [{name: 'migrate', ready: true, restartCount: 0, state: {terminated: {exitCode: 0, reason: 'Completed', startedAt: at(-200), finishedAt: at(-190)}}}];
	const [init, main] = podContainers(restarted, now);
	assert.deepEqual(init, {name: 'migrate', init: true, image: 'registry.example.test/migrate:1', state: 'Terminated: exit 0 Completed after 10s, 3m10s ago', tone: 'success', ready: true, restarts: 0});
	assert.deepEqual(main, {
		name: 'main', init: false, image: 'busybox:1.36', state: 'Waiting: CrashLoopBackOff', tone: 'error', ready: false, restarts: 3,
		lastState: 'Terminated: exit 2 Error, 50s ago', message: 'back-off 40s restarting failed container',
	});
	assert.deepEqual(containerLines([init!, main!]).map(line => line.text), [
		'Containers',
		'  migrate (init)  registry.example.test/migrate:1',
		'    Terminated: exit 0 Completed after 10s, 3m10s ago',
		'    Ready: true  Restarts: 0',
		'  main  busybox:1.36',
		'    Waiting: CrashLoopBackOff',
		'    Ready: false  Restarts: 3  Last: Terminated: exit 2 Error, 50s ago',
		'    Message: back-off 40s restarting failed container',
	]);

	// Before the kubelet reports anything, every container is waiting.
	const fresh = makePod(job, 'ddddd');
	fresh.status = {phase: 'Pending'};
	assert.deepEqual(podContainers(fresh, now).map(container => [container.state, container.tone]), [['Waiting', 'pending']]);
});
