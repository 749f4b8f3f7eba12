import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import type {Job, KubeEvent, Pod} from '../../source/kube/types.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startSimulator} from '../../source/simulator/index.js';
import {appOn} from '../helpers/app-rig.js';
import {connectionFrom, jobInput, start, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-hostile-text-');
// What a container or a hostile server can put into fields kjobs draws: a window title, a clipboard write (OSC 52),
// a screen clear, a cursor move, a bell, a backspace and a bidi override.
const evil = 'x\u001B]0;owned\u0007\u001B]52;c;ZWNobyBoaQ==\u0007\u001B[2J\u001B[H\u0008\u202Ey';
// With colour off, a frame holds printable text and newlines only.
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

test('text from the cluster never drives the terminal: annotations, labels, messages and events in every view', {timeout: 20_000}, async () => {
	const sim = await startSimulator({clock: new ManualClock(start)});
	after(async () => sim.stop());
	const job = sim.store.create<Job>('Job', {...jobInput('hostile'), metadata: {name: 'hostile', namespace: 'default', annotations: {note: evil}, labels: {team: evil}}});
	const uid = job.metadata.uid!;
	sim.store.create<Pod>('Pod', {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name: 'hostile-abcde', namespace: 'default', labels: {'batch.kubernetes.io/controller-uid': uid, 'controller-uid': uid, 'job-name': 'hostile'}, annotations: {note: evil}, ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: 'hostile', uid, controller: true}]},
		spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'},
		status: {phase: 'Failed', message: evil, reason: 'Evicted', containerStatuses: [{name: 'main', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: {terminated: {exitCode: 1, reason: 'Error', message: evil}}}]},
	});
	sim.store.create<KubeEvent>('Event', {
		apiVersion: 'v1', kind: 'Event', metadata: {name: 'hostile.1', namespace: 'default'},
		involvedObject: {kind: 'Job', namespace: 'default', name: 'hostile', uid}, reason: 'Boom', message: evil, type: 'Warning', count: 1,
		firstTimestamp: new Date(start).toISOString(), lastTimestamp: new Date(start).toISOString(), source: {component: 'job-controller'},
	});
	const app = appOn(connectionFrom(dir, sim.kubeconfig, {allNamespaces: true}), {columns: 160, rows: 40, readOnly: true});
	const seen: string[] = [];
	const visit = async (keys: string[], what: string, shows: (frame: string) => boolean) => {
		for (const key of keys) {
			app.press(key);
		}

		await waitFor(what, () => shows(app.frame())).catch(error => {
			throw new Error(`${(error as Error).message}:\n${app.frame()}`);
		});
		seen.push(what);
	};

	try {
		await visit([], 'the jobs list', frame => frame.includes('hostile') && frame.includes('watch live'));
		await visit(['\r'], 'the job detail with its pod and event', frame => frame.includes('hostile-abcde') && frame.includes('Boom'));
		await visit(['d'], 'describe job', frame => frame.includes('Annotations:'));
		await visit(['y'], 'the job as YAML', frame => frame.includes('annotations:'));
		await visit(['\u001B', '\u001B', '\r'], 'the pod detail', frame => frame.includes('EXIT: 1 Error'));
		await visit(['d'], 'describe pod', frame => frame.includes('Message:'));
		await visit(['\u001B', '\u001B', '\u001B', ':', 'p', 'o', 'd', 's', '\r', '/', 'h', 'o', 's', 't', '\r'], 'the pods list filtered', frame => frame.includes('hostile-abcde') && frame.includes('filter: host'));
		assert.equal(seen.length, 7);
		const frames = app.frames();
		const bad = frames.filter(frame => unsafe.test(frame) || frame.includes('\u001B'));
		assert.equal(bad.length, 0, `a frame carries control characters: ${JSON.stringify(bad[0]?.match(/.{0,40}[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E].{0,40}/)?.[0])}`);
		// The text is still there, shown: the escape as ␛, the bell as ^G, the override as <U+202E>.
		assert.ok(frames.some(frame => frame.includes('x␛]0;owned^G␛]52;c;ZWNobyBoaQ==^G␛[2J␛[H^H<U+202E>y')), 'the hostile text is shown with visible tokens');
	} finally {
		await app.stop();
	}
});
