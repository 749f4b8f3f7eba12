import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextPodCreationAt} from '../../../source/kube/job-backoff.js';
import {hasJobCondition, isJobFinished} from '../../../source/kube/job-state.js';
import type {CronJob, Job, Pod} from '../../../source/kube/types.js';
import {ttlExpiresAt} from '../../../source/simulator/controllers/ttl-controller.js';
import {seededRandom} from '../../../source/simulator/random.js';
import {loadScenario} from '../../../source/simulator/scenarios/index.js';
import {parseScenario} from '../../../source/simulator/scenarios/index.js';
import {demoScenarioYaml} from '../../../source/simulator/scenarios/demo.js';
import {harness} from '../../helpers/controllers-harness.js';

const h = harness(Date.parse('2026-01-01T10:00:30Z'), 7);
const result = loadScenario('demo', {store: h.store, logs: h.logs, clock: h.clock, random: seededRandom(7), nodes: ['sim-node-1']}, h.controllers);
const now = h.clock.now();
const job = (namespace: string, name: string) => h.store.get<Job>('Job', namespace, name)!;
const podsOf = (target: Job) => h.store.list<Pod>('Pod').filter(pod => pod.metadata.ownerReferences?.[0]?.uid === target.metadata.uid);
const reasons = () => h.store.list<Pod>('Pod').map(pod => pod.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? pod.status?.containerStatuses?.[0]?.state?.terminated?.reason);

test('the demo loads without warnings: at least 8 jobs, 3 cron jobs and 3 namespaces', () => {
	assert.deepEqual(result.warnings, []);
	const documents = parseScenario(demoScenarioYaml, 'demo') as Array<{kind: string}>;
	assert.ok(documents.filter(document => document.kind === 'Job').length >= 8);
	assert.ok(documents.filter(document => document.kind === 'CronJob').length >= 3);
	for (const namespace of ['default', 'batch', 'keycloak']) {
		assert.ok(h.store.get('Namespace', undefined, namespace), namespace);
	}
});

test('it opens on finished jobs: pi Complete, pi-with-timeout Failed by its deadline, memory-hog OOMKilled', () => {
	assert.ok(hasJobCondition(job('default', 'pi'), 'Complete'));
	assert.equal(h.logs.read(podsOf(job('default', 'pi'))[0]!.metadata.uid!, 'pi', 0)[0]?.data.toString().slice(0, 12), '3.1415926535');
	assert.equal(job('default', 'pi-with-timeout').status?.conditions?.find(condition => condition.type === 'Failed')?.reason, 'DeadlineExceeded');
	assert.equal(job('batch', 'memory-hog').status?.conditions?.find(condition => condition.type === 'Failed')?.reason, 'BackoffLimitExceeded');
	assert.ok(reasons().includes('OOMKilled'));
});

test('it opens on a job in the middle of its back-off', () => {
	const report = job('batch', 'report-generator');
	assert.equal(isJobFinished(report), false);
	assert.equal(report.status?.active, undefined);
	assert.ok((report.status?.failed ?? 0) >= 3);
	assert.ok(nextPodCreationAt(report, podsOf(report))! > now);
});

test('it opens on TTLs counting down, CronJob history and the failure shapes', () => {
	const withTtl = job('default', 'pi-with-ttl');
	assert.ok(hasJobCondition(withTtl, 'Complete'));
	assert.ok(ttlExpiresAt(withTtl)! > now);
	const hello = h.store.get<CronJob>('CronJob', 'default', 'hello')!;
	assert.equal(hello.status?.lastScheduleTime, '2026-01-01T10:00:00Z');
	const helloJobs = h.store.list<Job>('Job', 'default').filter(candidate => candidate.metadata.ownerReferences?.[0]?.uid === hello.metadata.uid);
	assert.ok(helloJobs.filter(candidate => isJobFinished(candidate)).length >= 2);
	assert.equal(h.store.get<CronJob>('CronJob', 'batch', 'nightly-report')?.spec.suspend, true);
	assert.equal(h.store.get<CronJob>('CronJob', 'default', 'tz-digest')?.spec.timeZone, 'Asia/Kolkata');
	assert.ok(reasons().includes('ImagePullBackOff') || reasons().includes('ErrImagePull'));
	assert.ok(reasons().includes('CrashLoopBackOff'));
	assert.match(job('batch', 'render-frames').status?.completedIndexes ?? '', /^0-\d$/);
	const keycloak = podsOf(job('keycloak', 'keycloak-setup-job'))[0]!;
	assert.equal(h.logs.read(keycloak.metadata.uid!, 'keycloak-setup-job', 0)[0]?.data.toString(), 'Logging into http://keycloak.example.test:8080/auth as user admin of realm master');
	assert.equal(h.store.list('Event').length > 50, true);
});

test('it keeps moving: cron jobs start new jobs every minute and the failing job retries', () => {
	const before = h.store.list<Job>('Job').map(candidate => candidate.metadata.name);
	const failedBefore = job('batch', 'report-generator').status?.failed ?? 0;
	h.step(360);
	const after = h.store.list<Job>('Job').map(candidate => candidate.metadata.name);
	assert.ok(after.includes('hello-29454366'));
	assert.ok(after.some(name => !before.includes(name)));
	assert.ok((job('batch', 'report-generator').status?.failed ?? 0) > failedBefore);
	assert.equal(job('default', 'pi-with-ttl'), undefined);
});
