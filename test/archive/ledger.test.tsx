import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {startLedgers} from '../../source/archive/ledger.js';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import {startSession, type Session} from '../../source/session/session.js';
import {createManualClock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {headlessWorld, type HeadlessWorld} from '../helpers/headless.js';
import {waitFor} from '../helpers/wait-for.js';

// A cron job that runs every minute and whose API history keeps a single successful job: the ledger keeps them all.
const scenario = `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "30"
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "5"
            sim.kjobs.io/log: "nightly run"
        spec:
          containers:
            - name: main
              image: registry.example.test/nightly:1.0
          restartPolicy: Never
`;

function sessionOn(world: HeadlessWorld): Session {
	return startSession({
		connection: loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir}),
		demo: false, readOnly: '--readonly', clock: world.clock,
		archive: {root: path.join(world.dir, 'state', 'kjobs', 'archive'), ledgerRoot: path.join(world.dir, 'state', 'kjobs', 'ledger')},
	});
}

async function runFor(world: HeadlessWorld, session: Session, seconds: number): Promise<void> {
	await waitFor('the first lists', () => {
		session.store.flush();
		return session.store.getSnapshot().cronJobs.size === 1 && session.store.getSnapshot().watch.jobs.phase === 'live';
	});
	for (let second = 0; second < seconds; second++) {
		await world.advance(1000);
		session.store.flush();
	}

	await session.ledgers!.idle();
}

const ledgerOf = (session: Session) => [...session.ledgers!.getSnapshot().values()][0];

test('a cron job\'s ledger keeps the runs of an earlier kjobs session beside the current ones, past the API\'s history limit, and its detail screen shows them', async () => {
	const world = await headlessWorld(scenario);
	try {
		const first = sessionOn(world);
		let watchingSince: number;
		let firstRuns: string[];
		try {
			await runFor(world, first, 150);
			const ledger = ledgerOf(first)!;
			watchingSince = ledger.watchingSince;
			firstRuns = ledger.runs.map(run => run.name);
			assert.ok(firstRuns.length >= 2, `runs seen in the first session: ${firstRuns.join(', ')}`);
			assert.ok(ledger.runs.every(run => run.scheduledAt !== undefined && !run.manual));
		} finally {
			await first.stop();
		}

		// The API keeps one successful job; the ledger file is private and kept all of them.
		const directory = path.join(world.dir, 'state', 'kjobs', 'ledger', 'kjobs-sim', 'batch');
		const [file] = readdirSync(directory);
		assert.equal(statSync(path.join(directory, file!)).mode & 0o777, 0o600);
		await world.advance(70_000);

		const second = sessionOn(world);
		const app = render(
			<App
				store={second.store} clock={second.clock} info={second.info()} onRequest={second.handle} access={second.access}
				ledgers={second.ledgers} size={{columns: 120, rows: 40}} onQuit={() => {}} noColor
			/>,
		);
		try {
			await runFor(world, second, 70);
			const ledger = ledgerOf(second)!;
			assert.equal(ledger.watchingSince, watchingSince, 'watched since the first session');
			const names = ledger.runs.map(run => run.name);
			for (const name of firstRuns) {
				assert.ok(names.includes(name), `${name} from the earlier session is kept`);
			}

			assert.ok(names.length > firstRuns.length + 1, `runs of this session too: ${names.join(', ')}`);
			assert.ok(second.store.getSnapshot().jobs.size < names.length, 'more runs than the API still has');

			app.stdin.write(':');
			for (const key of 'cj\r') {
				app.stdin.write(key);
			}

			const frame = () => app.lastFrame() ?? '';
			await waitFor('the cron jobs', () => frame().includes('nightly'), {ms: 5000, step: () => second.store.flush(), explain: frame});
			app.stdin.write('\r');
			await waitFor('the ledger on the detail screen', () => frame().includes('Run ledger'), {ms: 5000, step: () => second.store.flush(), explain: frame});
			assert.match(frame(), /Run ledger since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(.* ago\): the runs the cluster still had then, and all since/);
			assert.match(frame(), new RegExp(`✓{${firstRuns.length + 1},}[✓●]*  ${names.length} runs seen, oldest first`));
			assert.match(frame(), /100% succeeded \(\d+ of \d+\) · duration p50 \d+s, p95 \d+s · start latency p50 \d+s/);
			assert.match(frame(), /no failed run seen/);
		} finally {
			app.unmount();
			app.cleanup();
			await second.stop();
		}
	} finally {
		await world.stop();
	}
});

test('ledgers belong to their context: a cron job of the same name in another context starts its own', async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-ledger-'));
	const clock = createManualClock(Date.parse('2026-03-02T10:00:00Z'));
	const store = createResourceStore({clock});
	let context = 'prod';
	const ledgers = startLedgers({root: dir, store, clock, context: () => context});
	const cronJob = (uid: string) => ({apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'nightly', namespace: 'batch', uid}, spec: {schedule: '@daily', jobTemplate: {spec: {template: {spec: {containers: []}}}}}});
	const job = (uid: string, owner: string) => ({
		apiVersion: 'batch/v1', kind: 'Job', metadata: {name: `nightly-${uid}`, namespace: 'batch', uid, creationTimestamp: '2026-03-02T09:00:00Z', ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: owner, controller: true}]},
		spec: {template: {spec: {containers: []}}}, status: {},
	});
	const show = async (cronUid: string, jobUid: string) => {
		store.apply({type: 'relist', kind: 'cronjobs', objects: [cronJob(cronUid)] as never});
		store.apply({type: 'relist', kind: 'jobs', objects: [job(jobUid, cronUid)] as never});
		store.apply({type: 'status', kind: 'cronjobs', state: {phase: 'live', since: clock.now()}});
		store.apply({type: 'status', kind: 'jobs', state: {phase: 'live', since: clock.now()}});
		store.flush();
		await waitFor('recorded', async () => {
			await ledgers.idle();
			return ledgers.getSnapshot().get(cronUid)?.runs.some(run => run.uid === jobUid) === true;
		});
	};

	try {
		await show('cj-prod', 'j1');
		context = 'staging';
		store.apply({type: 'relist', kind: 'jobs', objects: []});
		await show('cj-staging', 'j2');
		assert.deepEqual(ledgers.getSnapshot().get('cj-staging')?.runs.map(run => run.uid), ['j2'], 'staging\'s ledger has none of prod\'s runs');
		assert.equal(ledgers.getSnapshot().get('cj-prod'), undefined, 'prod\'s ledger is not shown in staging');
		assert.deepEqual(readdirSync(dir).sort(), ['prod', 'staging']);
	} finally {
		ledgers.stop();
		store.dispose();
		rmSync(dir, {recursive: true, force: true});
	}
});
