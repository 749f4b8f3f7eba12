/**
Check: watch recovery against a real watch cache and etcd, and the same steps against the simulator.

- kjobs' own watchers and store watch a namespace; the API server restarts (same address, same etcd); right after
  it is back, one Job is deleted, one created and one changed. The store must converge on `kubectl get -o json`
  (uid and resourceVersion) with no ghost, and the check says how kjobs' watches got there (relists, phases).
- A watch resumed from the last resourceVersion before the restart: what the new server answers.
- A watch from a too-old resourceVersion (1): the in-stream ERROR, its code, reason and message.
- Bookmarks: 6 s watches with allowWatchBookmarks, one quiet and one with a job changed a second in: when a BOOKMARK
  comes, which version it carries, and when the stream ends. The real watch cache sends one only once it has seen
  something newer than the watch's version.
*/
import {Watch} from '@kubernetes/client-node';
import type {Job, KubeObject} from '../../../source/kube/types.js';
import type {WatchEvent} from '../../../source/store/types.js';
import type {Target} from '../targets.js';
import {type Row, waitUntil} from './common.js';
import {watchWithKjobs} from './kjobs-watch.js';

const namespace = 'conformance-watch';
const jobsPath = `/apis/batch/v1/namespaces/${namespace}/jobs`;

/** What one target showed. */
export type WatchRecoveryFacts = {restart: string; converged: string; convergedOk: boolean; kjobsPath: string; resume: string; tooOld: string; bookmarks: string; bookmarksAfterChange: string};

const suspendedJob = (name: string): Job => ({
	apiVersion: 'batch/v1',
	kind: 'Job',
	metadata: {name},
	spec: {suspend: true, template: {spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'registry.example.test/busybox:1.36'}]}}},
} as Job);

type Line = {type: string; at: number; object: any};

/** A raw watch collecting every line (BOOKMARK and ERROR too) with its arrival time, and when the stream ended. */
async function rawWatch(target: Target, query: Record<string, string | number | boolean | undefined>): Promise<{lines: Line[]; started: number; ended: Promise<number>; stop(): void}> {
	const lines: Line[] = [];
	let resolveEnded!: (at: number) => void;
	const ended = new Promise<number>(resolve => {
		resolveEnded = resolve;
	});
	const started = Date.now();
	const watch = new Watch(target.connection(namespace).kubeConfig);
	const abort = await watch.watch(jobsPath, query, (type, object) => {
		lines.push({type, at: Date.now(), object});
	}, () => resolveEnded(Date.now()));
	return {lines, started, ended, stop: () => abort.abort()};
}

const versions = (objects: Iterable<KubeObject>) => [...objects].map(object => `${object.metadata.name}@${object.metadata.resourceVersion}`).sort().join(' ');

/** Runs the steps against `target`. */
export async function runWatchRecovery(target: Target): Promise<WatchRecoveryFacts> {
	await target.ok(['create', 'namespace', namespace]);
	const kjobsEvents: string[] = [];
	const note = (event: WatchEvent) => {
		if (event.kind !== 'jobs') {
			return;
		}

		const word = event.type === 'status' ? event.state.phase : event.type;
		if (event.type !== 'upsert' && event.type !== 'delete' && kjobsEvents.at(-1) !== word) {
			kjobsEvents.push(word);
		}
	};

	const kjobs = await watchWithKjobs(target, namespace, ['jobs'], (_view, _at, event) => note(event));
	try {
		await target.ok(['apply', '-n', namespace, '-f', '-'], ['w-a', 'w-b'].map(name => JSON.stringify(suspendedJob(name))).join('\n---\n'));
		await waitUntil(`${target.label}: kjobs has both jobs`, 30_000, async () => kjobs.view().jobs.size === 2);
		// The API's own list (kubectl get -o json prints a v1 List whose resourceVersion is empty).
		const listVersion = async () => (JSON.parse(await target.ok(['get', '--raw', jobsPath])) as {metadata: {resourceVersion: string}}).metadata.resourceVersion;
		const before = await listVersion();
		kjobsEvents.length = 0;
		kjobsEvents.push('live');

		const {downMs} = await target.restartServer();
		await target.ok(['delete', 'job', '-n', namespace, 'w-b', '--wait=false']);
		await target.ok(['apply', '-n', namespace, '-f', '-'], JSON.stringify(suspendedJob('w-c')));
		await target.ok(['label', 'job', '-n', namespace, 'w-a', 'changed=after-restart']);
		// After a restart the controller manager's own watches reconnect with a back-off: wait for the job
		// controller's write to the new job (its Suspended condition), so every later step sees a settled cluster.
		await waitUntil(`${target.label}: the job controller has seen w-c`, 60_000, async () => ((await target.getJson<Job>(['get', 'job', '-n', namespace, 'w-c'])).status?.conditions ?? []).some(condition => condition.type === 'Suspended'));
		let fromStore = '';
		let fromKubectl = '';
		const converged = await waitUntil(`${target.label}: kjobs converges after the restart`, 60_000, async () => {
			fromKubectl = versions((await target.getJson<{items: Job[]}>(['get', 'jobs', '-n', namespace])).items);
			fromStore = versions(kjobs.view().jobs.values());
			return fromStore === fromKubectl;
		}, {throwOnTimeout: false});
		const names = (text: string) => text.split(' ').map(each => each.split('@')[0]).join(', ');

		// Resume from the list's resourceVersion of before the restart.
		const resumed = await rawWatch(target, {resourceVersion: before, allowWatchBookmarks: false});
		await waitUntil(`${target.label}: an answer to the resumed watch`, 15_000, async () => resumed.lines.some(line => line.type === 'ERROR' || line.object?.metadata?.labels?.['changed'] !== undefined), {throwOnTimeout: false});
		resumed.stop();
		const resume = describeLines(resumed.lines);

		const tooOldWatch = await rawWatch(target, {resourceVersion: '1'});
		await waitUntil(`${target.label}: an answer to resourceVersion=1`, 15_000, async () => tooOldWatch.lines.length > 0, {throwOnTimeout: false});
		tooOldWatch.stop();
		const tooOld = describeLines(tooOldWatch.lines);

		// Bookmarks come from the kind's watch cache: wait until no namespace is being emptied (the earlier checks'
		// namespaces), so no job anywhere changes during the quiet watch.
		await waitUntil(`${target.label}: no namespace terminating`, 120_000, async () => !(await target.ok(['get', 'namespaces', '-o', 'jsonpath={.items[*].status.phase}'])).includes('Terminating'));
		const quiet = await bookmarkWatch(target, await listVersion());
		const changed = await bookmarkWatch(target, await listVersion(), async () => {
			await target.ok(['label', 'job', '-n', namespace, 'w-c', 'bookmark=during-the-watch']);
		});

		return {
			restart: `down ${downMs < 2000 ? '< 2 s' : 'several s'} (server back on the same address)`,
			converged: converged ? `equal: ${names(fromStore)} (uid, resourceVersion), no ghost` : `differ:\n  store   ${fromStore}\n  kubectl ${fromKubectl}`,
			convergedOk: converged,
			kjobsPath: kjobsEvents.join(' → '),
			resume,
			tooOld,
			bookmarks: quiet,
			bookmarksAfterChange: changed,
		};
	} finally {
		await kjobs.stop();
		await target.kubectl(['delete', 'namespace', namespace, '--wait=false']);
	}
}

/**
A 6 s watch from `from` with bookmarks, in words: each line's type and second, when a BOOKMARK came and whether its
version is the last event's (or, with none, the watch's own), and when the stream ended. `during` runs one second in.
*/
async function bookmarkWatch(target: Target, from: string, during?: () => Promise<void>): Promise<string> {
	const watch = await rawWatch(target, {resourceVersion: from, allowWatchBookmarks: true, timeoutSeconds: 6});
	if (during) {
		await waitUntil(`${target.label}: a second into the watch`, 5000, async () => Date.now() - watch.started >= 1000, {stepMs: 50});
		await during();
	}

	let ended = Number.NaN;
	void watch.ended.then(at => {
		ended = at;
	});
	await waitUntil(`${target.label}: the 6 s watch ends`, 20_000, async () => !Number.isNaN(ended), {throwOnTimeout: false, stepMs: 50});
	watch.stop();
	const since = (at: number) => `+${Math.round((at - watch.started) / 1000)} s`;
	let last = from;
	let lastBookmark: string | undefined;
	const words: string[] = [];
	for (const line of watch.lines) {
		const rv = String(line.object?.metadata?.resourceVersion ?? '');
		if (line.type !== 'BOOKMARK') {
			last = rv;
			lastBookmark = undefined;
			// Not its second: how soon kubectl's change arrives depends on the machine's load.
			words.push(`${line.type} ${line.object?.metadata?.name}`);
			continue;
		}

		// The real watch cache files its timers in whole-second buckets, so the bookmark before the timeout comes
		// between 3 and 1 s before it, sometimes twice: the same version again is left out.
		if (rv === lastBookmark) {
			continue;
		}

		lastBookmark = rv;
		const which = rv === last ? (last === from ? 'the watch\'s own version' : 'the last event\'s version') : Number(rv) > Number(last) ? 'a newer version' : 'an older version';
		const left = 6000 - (line.at - watch.started);
		words.push(`BOOKMARK ${left >= 900 && left <= 3100 ? '1-3 s before the timeout' : since(line.at)} (${line.object?.kind}, ${which})`);
	}

	return `${words.length === 0 ? 'no lines' : words.join(', ')}; ended ${Number.isNaN(ended) ? 'not within 20 s' : since(ended)}`;
}

/** The lines of a watch in a few words: its distinct events (type and name), or the ERROR's code, reason and message shape. */
function describeLines(lines: readonly Line[]): string {
	const error = lines.find(line => line.type === 'ERROR');
	if (error) {
		const status = error.object as {code?: number; reason?: string; message?: string};
		return `ERROR ${status.code} ${status.reason}: ${(status.message ?? '').replace(/\d+/g, 'N')}`;
	}

	// Sorted: the job controller's own writes interleave with kubectl's in an order that depends on timing.
	return lines.length === 0 ? 'nothing' : [...new Set(lines.map(line => `${line.type} ${line.object?.metadata?.name ?? ''}`.trim()))].sort().join(', ');
}

/** The table rows for both targets. */
export function watchRecoveryRows(real: WatchRecoveryFacts, sim: WatchRecoveryFacts): Row[] {
	const same = (a: string, b: string) => (a === b ? 'match' : 'DIFFERS');
	return [
		{check: 'API server restart (same etcd / store)', real: real.restart, simulator: sim.restart, verdict: 'fact'},
		{check: 'after the restart (delete, create, change): kjobs store vs kubectl', real: real.converged, simulator: sim.converged, verdict: real.convergedOk && sim.convergedOk ? 'match' : 'DIFFERS'},
		// Whether kjobs resumes or relists after a restart depends on when its watch reconnects (the new server's watch
		// cache starts where etcd is): either path is right as long as the store converges, the row above.
		{check: 'how kjobs\' jobs watch got there', real: real.kjobsPath, simulator: sim.kjobsPath, verdict: 'fact'},
		{check: 'watch resumed from the resourceVersion of before the restart', real: real.resume, simulator: sim.resume, verdict: same(real.resume, sim.resume)},
		{check: 'watch from resourceVersion=1 (too old)', real: real.tooOld, simulator: sim.tooOld, verdict: same(real.tooOld, sim.tooOld)},
		{check: 'bookmarks on a quiet 6 s watch', real: real.bookmarks, simulator: sim.bookmarks, verdict: same(real.bookmarks, sim.bookmarks)},
		{check: 'bookmarks on a 6 s watch, a job changed at +1 s', real: real.bookmarksAfterChange, simulator: sim.bookmarksAfterChange, verdict: same(real.bookmarksAfterChange, sim.bookmarksAfterChange)},
	];
}
