import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {createManualClock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {condition, makeJob, makePod, now} from '../helpers/builders.js';
import {fixedAccess, settle} from '../helpers/app.js';

afterEach(() => {
	cleanup();
});

test('on the real store: watch states in the header, a TTL countdown ticking, then the deleted row fading', async () => {
	const clock = createManualClock(now);
	const store = createResourceStore({clock});
	const done = makeJob('cleanup', {namespace: 'batch', created: -40, started: -40, completed: -30, succeeded: 1, ttlSecondsAfterFinished: 60, conditions: [condition('Complete', -30)]});
	const {lastFrame, stdin} = render(
		<App
			store={store} clock={clock} size={{columns: 100, rows: 14}} onQuit={() => {}} noColor access={fixedAccess()}
			info={{context: 'kind-kjobs', server: 'https://127.0.0.1:6443', namespace: 'batch', readOnly: false, demo: false}}
		/>,
	);
	await settle();
	const lines = () => (lastFrame() ?? '').split('\n').map((line) => line.trimEnd());
	assert.deepEqual(lines().slice(0, 2), [
		'kjobs ctx kind-kjobs · ns batch · https://127.0.0.1:6443',
		'0 jobs │ jobs connecting · cronjobs connecting · pods connecting · events connecting',
	]);
	store.apply({type: 'relist', kind: 'jobs', objects: [done]});
	store.apply({type: 'relist', kind: 'pods', objects: [makePod(done, 'p1', {phase: 'Succeeded', created: -40, finished: -30})]});
	for (const kind of ['jobs', 'cronjobs', 'pods', 'events'] as const) {
		store.apply({type: 'status', kind, state: {phase: 'live', since: now}});
	}

	store.flush();
	await settle();
	assert.equal(lines()[1], '1 job │ watch live');
	assert.equal(lines()[3], 'NAME ▲  STATUS   COMPLETIONS FAILED RETRY DEADLINE TTL    AGE');
	assert.equal(lines()[4], 'cleanup Complete 1/1         0                     in 30s 40s');
	clock.advance(25_000);
	await settle();
	assert.equal(lines()[4], 'cleanup Complete 1/1         0                     in 5s 65s');
	store.apply({type: 'delete', kind: 'jobs', object: done});
	store.flush();
	await settle();
	assert.equal(lines()[1], '0 jobs │ watch live');
	assert.match(lines()[4] ?? '', /^cleanup deleted \(Complete\)/);
	// The cursor passes deleted rows by: Enter has nothing to open.
	stdin.write('\r');
	await settle();
	assert.equal(lines()[2], 'Jobs');
});
