/**
Run by app-memory.test.ts in a process of its own, with React's production build (the development build keeps a stack
per element, which holds old props by design): the real App on a real store under churn like the scale scenario's,
then a full garbage collection. Prints one JSON line: how many pod objects the store has let go of are still reachable.
*/
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {Job, Pod} from '../../source/kube/types.js';
import {createManualClock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {createTableEngine} from '../../source/view-model/table/engine.js';
import {fixedAccess, settle} from '../helpers/app.js';
import {makeJob, makePod, now as start} from '../helpers/builders.js';
import {flushOnlyClock} from '../helpers/store-harness.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let storeNow = start;
const store = createResourceStore({clock: flushOnlyClock(() => storeNow)});
const clock = createManualClock(start);
const refs: Array<WeakRef<Pod>> = [];
let serial = 0;
const newPod = (job: Job): Pod => {
	const pod = makePod(job, `p${serial}`, {phase: 'Running'});
	serial++;
	pod.metadata.uid = `pod-${serial}`;
	pod.metadata.resourceVersion = String(serial);
	refs.push(new WeakRef(pod));
	return pod;
};

const jobs = Array.from({length: 200}, (_, index) => makeJob(`job-${index}`, {started: -100, active: 1}));
store.apply({type: 'relist', kind: 'jobs', objects: jobs});
store.apply({type: 'relist', kind: 'pods', objects: jobs.flatMap(job => [newPod(job), newPod(job), newPod(job)])});
store.flush();
const firstPods = refs.length;
const instance = render(
	<App
		store={store} engine={createTableEngine()} clock={clock} size={{columns: 120, rows: 40}} onQuit={() => {}} noColor
		info={{context: 'kind-kjobs', server: 'https://127.0.0.1:6443', namespace: undefined, readOnly: true, demo: false}} access={fixedAccess()}
	/>,
);
await settle();

// The scale scenario's cycle: two status updates, a completion that updates the job too, a new pod, a deletion.
let seed = 1;
const random = () => {
	seed = ((seed * 1_103_515_245) + 12_345) % 2_147_483_648;
	return seed / 2_147_483_648;
};

for (let event = 0; event < 20_000; event++) {
	const pods = [...store.getSnapshot().pods.values()];
	const pod = pods[Math.floor(random() * pods.length)]!;
	const step = event % 5;
	if (step < 3) {
		const changed: Pod = {...pod, metadata: {...pod.metadata, resourceVersion: String(++serial)}, status: {...pod.status, phase: step === 2 ? 'Succeeded' : 'Running'}};
		refs.push(new WeakRef(changed));
		store.apply({type: 'upsert', kind: 'pods', object: changed});
		if (step === 2) {
			const job = store.getSnapshot().jobs.get(pod.metadata.labels!['batch.kubernetes.io/controller-uid']!)!;
			const completed: Job = {...job, metadata: {...job.metadata, resourceVersion: String(++serial)}, status: {...job.status, succeeded: (job.status?.succeeded ?? 0) + 1}};
			store.apply({type: 'upsert', kind: 'jobs', object: completed});
		}
	} else if (step === 3) {
		store.apply({type: 'upsert', kind: 'pods', object: newPod(jobs[Math.floor(random() * jobs.length)]!)});
	} else {
		store.apply({type: 'delete', kind: 'pods', object: pod});
	}

	storeNow += 10;
	// A frame every 50 events (ten a second at 500 events a second), with the clock's second.
	if (event % 50 === 49) {
		clock.advance(500);
		store.flush();
		await settle();
	}
}

// WeakRefs hold their target until the current turn ends.
await new Promise(resolve => setImmediate(resolve));
gc();
const snapshot = store.getSnapshot();
const held = new Set<unknown>([...snapshot.pods.values(), ...[...snapshot.deleted.values()].map(tombstone => tombstone.object)]);
const stale = (list: ReadonlyArray<WeakRef<Pod>>) => list.filter(ref => {
	const pod = ref.deref();
	return pod !== undefined && !held.has(pod);
}).length;
process.stdout.write(`${JSON.stringify({created: refs.length, held: held.size, staleFirst: stale(refs.slice(0, firstPods)), stale: stale(refs)})}\n`);
instance.unmount();
store.dispose();
