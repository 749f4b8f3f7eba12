import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, Pod} from '../../../source/kube/types.js';
import {initialLogPaneState} from '../../../source/state/log-pane/reducer.js';
import {createManualClock} from '../../../source/store/clock.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import type {LogViewModel} from '../../../source/view-model/logs/types.js';
import {logVerdicts} from '../../../source/view-model/logs/verdicts.js';
import {logView} from '../../../source/view-model/logs/view.js';
import {condition, makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

const shown = (view: LogViewModel) => view.rows.map(row => `${row.tag ? `${row.tag.text} ` : ''}${' '.repeat(row.indent)}${row.segments.map(segment => segment.text).join('')}`.trimEnd());

// The buffer as the job's log streams fill it: a separator per attempt, then what each pod printed.
function bufferOf(attempts: ReadonlyArray<{pod: Pod; lines: readonly string[]}>): LogBuffer {
	const buffer = new LogBuffer({clock: createManualClock(0)});
	for (const [position, {pod, lines}] of attempts.entries()) {
		const base = {podUid: pod.metadata.uid!, podName: pod.metadata.name!, tag: `#${position + 1}`};
		buffer.append({kind: 'separator', ...base, label: `attempt ${position + 1}`});
		for (const text of lines) {
			buffer.append({kind: 'line', ...base, container: 'main', text, cut: 0});
		}
	}

	buffer.flush();
	return buffer;
}

function frame(job: Job, pods: Pod[], buffer: LogBuffer, at = now): string[] {
	const verdicts = logVerdicts(makeSnapshot({jobs: [job], pods}), {kind: 'job', uid: job.metadata.uid!}, at);
	return shown(logView(buffer.getSnapshot(), initialLogPaneState(), 60, 10, {verdicts}));
}

test('a failed attempt ends with how it exited and when the next one comes, counting down with the clock', () => {
	const job = makeJob('report', {started: -20, failed: 1});
	const first = makePod(job, 'aaaaa', {created: -20, phase: 'Failed', exitCode: 3, finished: -5});
	const buffer = bufferOf([{pod: first, lines: ['connecting to db.example.test', 'timeout']}]);
	assert.deepEqual(frame(job, [first], buffer), [
		'#1 ── attempt 1 · report-aaaaa ─────────────────────────────',
		'#1 connecting to db.example.test',
		'#1 timeout',
		'#1 ■ exited 3 (Error) after 14s · next attempt in 5s',
	]);
	assert.equal(frame(job, [first], buffer, now + 5000).at(-1), '#1 ■ exited 3 (Error) after 14s · next attempt due');
});

test('every attempt keeps its verdict and the job\'s end is the last line', () => {
	const job = makeJob('report', {started: -60, failed: 2, backoffLimit: 1, conditions: [
		condition('FailureTarget', -2, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
		condition('Failed', -2, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
	]});
	const pods = [
		makePod(job, 'aaaaa', {created: -60, phase: 'Failed', exitCode: 3, finished: -50}),
		makePod(job, 'bbbbb', {created: -40, phase: 'Failed', exitCode: 137, reason: 'OOMKilled', finished: -2}),
	];
	const buffer = bufferOf([{pod: pods[0]!, lines: ['try 1']}, {pod: pods[1]!, lines: ['try 2']}]);
	assert.deepEqual(frame(job, pods, buffer), [
		'#1 ── attempt 1 · report-aaaaa ─────────────────────────────',
		'#1 try 1',
		'#1 ■ exited 3 (Error) after 9s',
		'#2 ── attempt 2 · report-bbbbb ─────────────────────────────',
		'#2 try 2',
		'#2 ■ exited 137 (OOMKilled) after 37s',
		'   ■ job failed: BackoffLimitExceeded after 58s',
	]);
});

test('a crash-looping container says how it exited and when the kubelet restarts it; a complete job says so', () => {
	const job = makeJob('crashy', {started: -200, active: 1, restartPolicy: 'OnFailure'});
	const pod = makePod(job, 'c4sh1', {created: -200, phase: 'Running', restartCount: 3, waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=main pod=crashy-c4sh1_default(uid-crashy-c4sh1)'}, lastTerminated: {exitCode: 1, reason: 'Error', finished: -10}});
	assert.equal(frame(job, [pod], bufferOf([{pod, lines: ['boom']}])).at(-1), '#1 ■ exited 1 (Error) · restart in 30s');
	const done = makeJob('pi', {started: -70, completed: -8, succeeded: 1, conditions: [condition('Complete', -8, 'CompletionsReached')]});
	const ok = makePod(done, 'p1p1p', {created: -70, phase: 'Succeeded', finished: -9});
	assert.deepEqual(frame(done, [ok], bufferOf([{pod: ok, lines: ['3.14159']}])).slice(-2), ['#1 ■ exited 0 (Completed) after 60s', '   ■ job complete after 62s']);
});

test('a pod that cannot pull its image says why, with the kubelet\'s message', () => {
	const job = makeJob('broken-image', {started: -300, active: 1});
	const pod = makePod(job, 'b4d1m', {created: -300, phase: 'Pending', waiting: {reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example.test/missing:1.0"'}});
	const verdicts = logVerdicts(makeSnapshot({jobs: [job], pods: [pod]}), {kind: 'pod', uid: pod.metadata.uid!}, now);
	assert.deepEqual(shown(logView(new LogBuffer({clock: createManualClock(0)}).getSnapshot(), initialLogPaneState(), 60, 6, {verdicts})), [
		'■ waiting: ImagePullBackOff · Back-off pulling image "regis…',
	]);
	const wrapped = logView(new LogBuffer({clock: createManualClock(0)}).getSnapshot(), {...initialLogPaneState(), wrap: true}, 60, 6, {verdicts});
	assert.deepEqual(shown(wrapped), ['■ waiting: ImagePullBackOff · Back-off pulling image "regist', 'ry.example.test/missing:1.0"']);
});
