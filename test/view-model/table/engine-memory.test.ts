import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import type {Pod} from '../../../source/kube/types.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import type {StoreView} from '../../../source/store/types.js';
import {createTableEngine} from '../../../source/view-model/table/engine.js';
import type {TableQuery} from '../../../source/view-model/table/types.js';
import {makeJob, makePod, now as start} from '../../helpers/builders.js';
import {flushOnlyClock} from '../../helpers/store-harness.js';

// A full garbage collection from inside the test (node runs the tests without --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const query: TableQuery = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: true};

test('the table engine keeps no store view alive once the store has published a newer one (each carries its change records)', async () => {
	const store = createResourceStore({clock: flushOnlyClock(() => start)});
	const engine = createTableEngine();
	const jobs = Array.from({length: 300}, (_, index) => makeJob(`job-${index}`, {started: -100, active: 1}));
	const pods = jobs.map(job => makePod(job, 'aaaaa', {phase: 'Running'}));
	store.apply({type: 'relist', kind: 'jobs', objects: jobs});
	store.apply({type: 'relist', kind: 'pods', objects: pods});
	store.flush();
	const published: Array<WeakRef<StoreView>> = [];
	const frame = () => {
		const snapshot = store.getSnapshot();
		published.push(new WeakRef(snapshot));
		// What a frame asks: the table of the list shown (its visible rows) and the header.
		const table = engine.table('jobs', snapshot, start, query);
		for (let index = 0; index < Math.min(40, table.ids.length); index++) {
			table.rows.at(index);
		}

		engine.headerCounts(snapshot);
	};

	frame();
	// Churn: every published view changes one more job's pod, as a cluster's steady stream of status updates does.
	for (const [index, pod] of pods.entries()) {
		const changed: Pod = {...pod, metadata: {...pod.metadata, resourceVersion: `${index + 100}`}, status: {...pod.status, phase: index % 2 ? 'Succeeded' : 'Running'}};
		store.apply({type: 'upsert', kind: 'pods', object: changed});
		store.flush();
		frame();
	}

	// WeakRefs hold their target until the current turn ends: let it end before collecting.
	await new Promise(resolve => setImmediate(resolve));
	gc();
	const alive = published.filter(ref => ref.deref() !== undefined).length;
	// The latest view (the store's own, and the single-slot caches of the engine) and nothing older.
	assert.ok(alive <= 2, `${alive} of ${published.length} published views are still held`);
	store.dispose();
});
