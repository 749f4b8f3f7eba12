import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {BatchV1Api, KubeConfig, Watch} from '@kubernetes/client-node';
import {call, createJob, events, putPod, startTestSimulator, stream} from '../../helpers/simulator.js';
import {waitFor} from '../../helpers/wait-for.js';

// `manual` is the simulator's clock: advancing it alone fires the server's watch timeouts and bookmarks without
// running the controllers (which would update the jobs these tests watch).
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let kc: KubeConfig;

before(async () => {
	sim = await startTestSimulator({bookmarkIntervalMs: 100});
	kc = new KubeConfig();
	kc.loadFromString(sim.kubeconfig);
	for (const name of ['a', 'b', 'c', 'd', 'e']) {
		await createJob(sim, name, 'default', {}, {app: name === 'e' ? 'other' : 'demo'});
	}
});

after(async () => {
	await sim.stop();
});

test('a chunked list through client-node pages with continue and keeps one resourceVersion', async () => {
	const batch = kc.makeApiClient(BatchV1Api);
	const first = await batch.listNamespacedJob({namespace: 'default', limit: 2});
	assert.deepEqual(first.items.map(j => j.metadata?.name), ['a', 'b']);
	assert.equal(first.metadata?.remainingItemCount, 3);
	// A change between pages must not show up: the pages read one snapshot.
	await createJob(sim, 'aa');
	const second = await batch.listNamespacedJob({namespace: 'default', limit: 2, _continue: first.metadata?._continue});
	assert.deepEqual(second.items.map(j => j.metadata?.name), ['c', 'd']);
	const third = await batch.listNamespacedJob({namespace: 'default', limit: 2, _continue: second.metadata?._continue});
	assert.deepEqual(third.items.map(j => j.metadata?.name), ['e']);
	assert.equal(third.metadata?._continue, undefined);
	assert.equal(second.metadata?.resourceVersion, first.metadata?.resourceVersion);
	assert.equal(third.metadata?.resourceVersion, first.metadata?.resourceVersion);
	const fresh = await batch.listNamespacedJob({namespace: 'default'});
	assert.deepEqual(fresh.items.map(j => j.metadata?.name), ['a', 'aa', 'b', 'c', 'd', 'e']);
	assert.equal(Number(fresh.metadata?.resourceVersion), Number(first.metadata?.resourceVersion) + 1);
	await call(sim, 'DELETE', '/apis/batch/v1/namespaces/default/jobs/aa', {propagationPolicy: 'Background'});
});

test('an unknown continue token is 410 Expired; a bad one 400', async () => {
	const stale = Buffer.from(JSON.stringify({v: 'sim', id: 999, start: 1, rv: 1})).toString('base64url');
	const expired = await call(sim, 'GET', `/apis/batch/v1/jobs?limit=1&continue=${stale}`);
	assert.equal(expired.status, 410);
	assert.equal(expired.json.reason, 'Expired');
	const bad = await call(sim, 'GET', '/apis/batch/v1/jobs?limit=1&continue=zzz');
	assert.equal(bad.status, 400);
	assert.equal(bad.json.reason, 'BadRequest');
});

test('label and field selectors filter lists, with the real errors for unsupported field labels', async () => {
	const byLabel = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs?labelSelector=app%3Ddemo');
	assert.deepEqual(byLabel.json.items.map((j: any) => j.metadata.name), ['a', 'b', 'c', 'd']);
	const bySet = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs?labelSelector=app%20notin%20(demo)');
	assert.deepEqual(bySet.json.items.map((j: any) => j.metadata.name), ['e']);
	const byName = await call(sim, 'GET', '/apis/batch/v1/jobs?fieldSelector=metadata.name%3Dc');
	assert.deepEqual(byName.json.items.map((j: any) => j.metadata.name), ['c']);
	const notName = await call(sim, 'GET', '/apis/batch/v1/jobs?fieldSelector=metadata.name!%3Dc,metadata.namespace%3Ddefault');
	assert.deepEqual(notName.json.items.map((j: any) => j.metadata.name), ['a', 'b', 'd', 'e']);
	const jobField = await call(sim, 'GET', '/apis/batch/v1/jobs?fieldSelector=spec.suspend%3Dtrue');
	assert.equal(jobField.status, 400);
	assert.equal(jobField.json.message, 'field label "spec.suspend" not supported for batchv1.Job');
	const podField = await call(sim, 'GET', '/api/v1/pods?fieldSelector=spec.foo%3Dx');
	assert.equal(podField.json.message, 'field label not supported: spec.foo');
	const cronField = await call(sim, 'GET', '/apis/batch/v1/cronjobs?fieldSelector=spec.schedule%3Dx');
	assert.equal(cronField.json.message, '"spec.schedule" is not a known field selector: only "metadata.name", "metadata.namespace"');
	const badLabel = await call(sim, 'GET', '/apis/batch/v1/jobs?labelSelector=a%20in%20(');
	assert.equal(badLabel.status, 400);
	putPod(sim, 'p-running');
	putPod(sim, 'p-done', {status: {phase: 'Succeeded'}});
	const running = await call(sim, 'GET', '/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning');
	assert.deepEqual(running.json.items.map((p: any) => p.metadata.name), ['p-running']);
	sim.store.create('Event', {metadata: {name: 'a.1', namespace: 'default'}, involvedObject: {kind: 'Job', name: 'a', namespace: 'default', uid: 'u-a'}, reason: 'SuccessfulCreate', type: 'Normal'} as any);
	sim.store.create('Event', {metadata: {name: 'b.1', namespace: 'default'}, involvedObject: {kind: 'Job', name: 'b', namespace: 'default', uid: 'u-b'}, reason: 'SuccessfulCreate', type: 'Normal'} as any);
	const describeQuery = encodeURIComponent('involvedObject.namespace=default,involvedObject.kind=Job,involvedObject.uid=u-a,involvedObject.name=a');
	const forA = await call(sim, 'GET', `/api/v1/namespaces/default/events?fieldSelector=${describeQuery}&limit=500`);
	assert.deepEqual(forA.json.items.map((e: any) => e.metadata.name), ['a.1']);
});

test('resourceVersionMatch without resourceVersion is 422 Invalid on ListOptions', async () => {
	const reply = await call(sim, 'GET', '/apis/batch/v1/jobs?resourceVersionMatch=NotOlderThan');
	assert.equal(reply.status, 422);
	assert.equal(reply.json.message, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
});

test('a watch without resourceVersion replays ADDED, then streams changes; with a resourceVersion it does not replay', async () => {
	const list = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs');
	const rv = list.json.metadata.resourceVersion as string;
	const replay = stream(sim, '/apis/batch/v1/namespaces/default/jobs?watch=true&labelSelector=app%3Ddemo');
	const resume = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=1&resourceVersion=${rv}`);
	assert.equal(await replay.status, 200);
	assert.equal(await resume.status, 200);
	await replay.next(4);
	assert.deepEqual(events(replay.lines).map(e => `${e.type} ${e.object.metadata.name}`), ['ADDED a', 'ADDED b', 'ADDED c', 'ADDED d']);
	assert.equal(events(replay.lines)[0]!.object.kind, 'Job');
	await createJob(sim, 'f', 'default', {}, {app: 'demo'});
	await replay.next(5);
	await resume.next(1);
	assert.equal(events(replay.lines).at(-1)!.object.metadata.name, 'f');
	assert.deepEqual(events(resume.lines).map(e => `${e.type} ${e.object.metadata.name}`), ['ADDED f']);
	// Selector transitions: leaving the selection is DELETED, entering it ADDED.
	await call(sim, 'PATCH', '/apis/batch/v1/namespaces/default/jobs/f', {metadata: {labels: {app: 'gone'}}}, {'Content-Type': 'application/merge-patch+json'});
	await call(sim, 'PATCH', '/apis/batch/v1/namespaces/default/jobs/e', {metadata: {labels: {app: 'demo'}}}, {'Content-Type': 'application/merge-patch+json'});
	await replay.next(7);
	const tail = events(replay.lines).slice(5);
	assert.deepEqual(tail.map(e => `${e.type} ${e.object.metadata.name} ${e.object.metadata.labels.app}`), ['DELETED f demo', 'ADDED e demo']);
	assert.equal(tail[0]!.object.metadata.resourceVersion, String(Number(rv) + 2));
	replay.close();
	resume.close();
	await replay.ended;
	await resume.ended;
});

test('resume after a close continues from the last resourceVersion without gaps or repeats', async () => {
	const first = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&resourceVersion=${sim.store.rv}&timeoutSeconds=1`);
	await first.status;
	await createJob(sim, 'f2');
	await first.next(1);
	// The server's timeout runs on simulated time.
	sim.manual.advance(1000);
	await first.ended;
	assert.deepEqual(events(first.lines).map(e => `${e.type} ${e.object.metadata.name}`), ['ADDED f2']);
	const lastRv = events(first.lines).at(-1)!.object.metadata.resourceVersion as string;
	await createJob(sim, 'g');
	const second = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&resourceVersion=${lastRv}`);
	await second.next(1);
	assert.deepEqual(events(second.lines).map(e => `${e.type} ${e.object.metadata.name}`), ['ADDED g']);
	second.close();
	await second.ended;
});

test('with bookmarks asked for, one comes 2 s before the timeout ends the stream, carrying the current version', async () => {
	const rv = sim.store.rv;
	const watch = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=3`);
	await watch.status;
	await createJob(sim, 'bm');
	await watch.next(1);
	sim.manual.advance(1000);
	await watch.next(2);
	// A second of simulated time brings this suite's 100 ms bookmarks and the one 2 s before the timeout: all current.
	assert.deepEqual(events(watch.lines).slice(0, 2).map(e => [e.type, e.type === 'BOOKMARK' ? e.object.metadata.resourceVersion : e.object.metadata.name]), [['ADDED', 'bm'], ['BOOKMARK', String(sim.store.rv)]]);
	assert.ok(events(watch.lines).slice(1).every(e => e.type === 'BOOKMARK' && e.object.metadata.resourceVersion === String(sim.store.rv)));
	watch.close();
	await watch.ended;
});

test('as on the real API server, a bookmark carries the version the kind last reached and comes only past the watch\'s own', async () => {
	const watch = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&allowWatchBookmarks=true&resourceVersion=${sim.store.rv}`);
	await watch.status;
	// Only pods change: the jobs watch cache stays where the watch began, so three bookmark intervals bring nothing.
	putPod(sim, 'not-a-job');
	sim.manual.advance(300);
	const job = await createJob(sim, 'quiet-then-changed');
	// A pod changes after the job: the cluster's version moves on, the jobs cache's does not.
	putPod(sim, 'after-the-job');
	assert.ok(sim.store.rv > Number(job.metadata.resourceVersion));
	sim.manual.advance(100);
	await watch.next(2);
	// The job's ADDED is the first line: nothing came in the quiet intervals before it.
	assert.deepEqual(events(watch.lines).slice(0, 2).map(e => [e.type, e.type === 'BOOKMARK' ? e.object.metadata.resourceVersion : e.object.metadata.name]), [['ADDED', 'quiet-then-changed'], ['BOOKMARK', job.metadata.resourceVersion]]);
	// A consistent list of jobs brings the jobs cache up to the cluster's version, and the next bookmark carries it.
	await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs');
	const listed = sim.store.rv;
	const before = watch.lines.length;
	sim.manual.advance(100);
	await watch.next(before + 1);
	assert.deepEqual(events(watch.lines).slice(before).map(e => [e.type, e.object.metadata.resourceVersion]), [['BOOKMARK', String(listed)]]);
	watch.close();
	await watch.ended;
});

test('a compacted resourceVersion gets one in-stream ERROR 410 and the stream ends; client-node sees it too', async () => {
	const rv = sim.store.rv;
	await createJob(sim, 'h');
	sim.compact();
	const raw = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&resourceVersion=${rv}`);
	assert.equal(await raw.status, 200);
	await raw.ended;
	assert.deepEqual(events(raw.lines), [{type: 'ERROR', object: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rv} (${sim.store.rv})`, reason: 'Expired', code: 410}}]);
	const seen: string[] = [];
	const done = new Promise<unknown>(resolve => {
		void new Watch(kc).watch('/apis/batch/v1/namespaces/default/jobs', {resourceVersion: String(rv)}, (type, object: any) => {
			seen.push(`${type} ${object.code}`);
		}, resolve);
	});
	assert.equal(await done, null);
	assert.deepEqual(seen, ['ERROR 410']);
	assert.equal(sim.openWatches(), 0);
});

test('bookmarks come only when asked for, expireWatches ends streams with 410, dropWatches cuts them', async () => {
	const plain = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&resourceVersion=${sim.store.rv}`);
	const marked = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&allowWatchBookmarks=true&resourceVersion=${sim.store.rv}`);
	await plain.status;
	await marked.status;
	// A job changes, so there is something newer than the watches' version to bookmark.
	await createJob(sim, 'marked');
	await plain.next(1);
	// Bookmarks come every 100 ms of simulated time in this suite.
	sim.manual.advance(100);
	await marked.next(2);
	const bookmark = events(marked.lines)[1]!;
	assert.deepEqual(bookmark, {type: 'BOOKMARK', object: {kind: 'Job', apiVersion: 'batch/v1', metadata: {resourceVersion: String(sim.store.rv), creationTimestamp: null}}});
	assert.deepEqual(events(plain.lines).map(e => e.type), ['ADDED']);
	assert.equal(sim.openWatches(), 2);
	sim.expireWatches();
	await plain.ended;
	assert.equal(events(plain.lines)[1]!.object.code, 410);
	const dropped = stream(sim, '/apis/batch/v1/namespaces/default/jobs?watch=true&resourceVersion=0');
	await dropped.next(1);
	sim.dropWatches();
	await dropped.ended;
	await marked.ended;
	assert.equal(sim.openWatches(), 0);
});

test('a stalled watch stays open and silent, then carries on', async () => {
	const watch = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&allowWatchBookmarks=true&resourceVersion=${sim.store.rv}`);
	await watch.status;
	sim.stallWatches(true);
	// The create's response means the server has handled it: had the watch been sent the event, it would be on the
	// wire now, ahead of anything later on the same stream.
	await createJob(sim, 'stalled');
	// Three bookmark intervals of simulated time pass in silence.
	sim.manual.advance(300);
	assert.deepEqual(watch.lines, []);
	assert.equal(sim.openWatches(), 1);
	sim.stallWatches(false);
	await createJob(sim, 'after-stall');
	sim.manual.advance(100);
	// Bookmarks may arrive first (this suite asks for them every 100 ms); never the job created while stalled.
	await waitFor('the event after the stall', () => events(watch.lines).some(e => e.object.metadata?.name === 'after-stall'));
	assert.ok(!events(watch.lines).some(e => e.object.metadata?.name === 'stalled'));
	watch.close();
	await watch.ended;
});

test('Table watches carry columnDefinitions on the first event only', async () => {
	const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
	const watch = stream(sim, '/apis/batch/v1/namespaces/default/jobs?watch=true&fieldSelector=metadata.name%3Da', {Accept: accept});
	await watch.next(1);
	await call(sim, 'PATCH', '/apis/batch/v1/namespaces/default/jobs/a', {spec: {suspend: true}}, {'Content-Type': 'application/merge-patch+json'});
	await watch.next(2);
	const [first, second] = events(watch.lines);
	assert.equal(first!.object.kind, 'Table');
	assert.deepEqual(first!.object.columnDefinitions.map((c: any) => c.name), ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']);
	assert.deepEqual(second!.object.columnDefinitions, []);
	assert.equal(second!.type, 'MODIFIED');
	assert.equal(second!.object.rows[0].cells[0], 'a');
	assert.equal(second!.object.rows[0].object.metadata.name, 'a');
	assert.equal(second!.object.rows[0].object.kind, 'PartialObjectMetadata');
	watch.close();
	await watch.ended;
});

test('sendInitialEvents replays the state and marks its end with an annotated BOOKMARK', async () => {
	const bad = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs?watch=true&sendInitialEvents=true');
	assert.equal(bad.status, 422);
	const watch = stream(sim, '/apis/batch/v1/namespaces/default/jobs?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&fieldSelector=metadata.name%3Db');
	await watch.next(2);
	const [added, bookmark] = events(watch.lines);
	assert.equal(added!.type, 'ADDED');
	assert.equal(added!.object.metadata.name, 'b');
	assert.deepEqual(bookmark, {type: 'BOOKMARK', object: {kind: 'Job', apiVersion: 'batch/v1', metadata: {resourceVersion: String(sim.store.rv), annotations: {'k8s.io/initial-events-end': 'true'}}}});
	watch.close();
	await watch.ended;
});

test('every watch event and single read carries kind and apiVersion; list items carry neither, as on the real API server', async () => {
	const jobs = stream(sim, `/apis/batch/v1/namespaces/default/jobs?watch=true&resourceVersion=${sim.store.rv}`);
	const pods = stream(sim, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${sim.store.rv}`);
	await jobs.status;
	await pods.status;
	// Created through the API (POST), as kubectl and the controllers create them.
	await createJob(sim, 'typed');
	await call(sim, 'POST', '/api/v1/namespaces/default/pods', {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'typed-pod'}, spec: {containers: [{name: 'main', image: 'busybox:1.36'}]}});
	await call(sim, 'PATCH', '/apis/batch/v1/namespaces/default/jobs/typed', {metadata: {labels: {touched: 'yes'}}}, {'Content-Type': 'application/merge-patch+json'});
	await call(sim, 'PATCH', '/api/v1/namespaces/default/pods/typed-pod', {metadata: {labels: {touched: 'yes'}}}, {'Content-Type': 'application/merge-patch+json'});
	await call(sim, 'DELETE', '/apis/batch/v1/namespaces/default/jobs/typed', {propagationPolicy: 'Background'});
	await call(sim, 'DELETE', '/api/v1/namespaces/default/pods/typed-pod', {gracePeriodSeconds: 0});
	const shapes = async (watch: typeof jobs, name: string) => {
		await waitFor(`the DELETED event of ${name}`, () => events(watch.lines).some(event => event.type === 'DELETED' && event.object.metadata.name === name), {explain: () => watch.lines.join(' | ')});
		return [...new Set(events(watch.lines).filter(event => event.object.metadata.name === name).map(event => `${event.type} ${event.object.kind} ${event.object.apiVersion}`))];
	};

	assert.deepEqual(await shapes(jobs, 'typed'), ['ADDED Job batch/v1', 'MODIFIED Job batch/v1', 'DELETED Job batch/v1']);
	assert.deepEqual((await shapes(pods, 'typed-pod')).filter(shape => !shape.startsWith('MODIFIED')), ['ADDED Pod v1', 'DELETED Pod v1']);
	assert.ok((await shapes(pods, 'typed-pod')).includes('MODIFIED Pod v1'));
	jobs.close();
	pods.close();
	await jobs.ended;
	await pods.ended;
	await createJob(sim, 'typed-2');
	const one = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs/typed-2');
	assert.deepEqual([one.json.kind, one.json.apiVersion], ['Job', 'batch/v1']);
	const list = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs');
	assert.deepEqual([list.json.kind, list.json.apiVersion], ['JobList', 'batch/v1']);
	assert.deepEqual(list.json.items.filter((item: any) => 'kind' in item || 'apiVersion' in item).map((item: any) => item.metadata.name), []);
	await call(sim, 'DELETE', '/apis/batch/v1/namespaces/default/jobs/typed-2', {propagationPolicy: 'Background'});
});
