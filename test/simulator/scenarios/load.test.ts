import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import type {Job, Namespace} from '../../../source/kube/types.js';
import {loadScenario, ScenarioError} from '../../../source/simulator/scenarios/index.js';
import {harness} from '../../helpers/controllers-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'kjobs-scenario-'));

function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

function load(source: string) {
	const h = harness();
	const result = loadScenario(source, {store: h.store, logs: h.logs, clock: h.clock, random: () => 0.5, nodes: ['sim-node-1']}, h.controllers);
	return {h, result};
}

function scenarioError(source: string): string {
	try {
		load(source);
	} catch (error) {
		assert.ok(error instanceof ScenarioError);
		return error.message;
	}

	throw new Error('expected a ScenarioError');
}

const job = (annotations: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: oops
spec:
  template:
    metadata:
      annotations:
${annotations}
    spec:
      containers: [{name: main, image: busybox}]
      restartPolicy: Never
`;

test('an unknown sim.kjobs.io annotation names the key, the document and the file', () => {
	const path = file('bad-annotation.yaml', `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n${job('        sim.kjobs.io/run-secs: "5"')}`);
	assert.equal(scenarioError(path), `${path}: document 2 (Job "oops"): unknown annotation "sim.kjobs.io/run-secs" in spec.template.metadata.annotations (known: sim.kjobs.io/run-seconds, sim.kjobs.io/exit-code, sim.kjobs.io/fail-probability, sim.kjobs.io/reason, sim.kjobs.io/log, sim.kjobs.io/log-lines-per-second, sim.kjobs.io/age-seconds)`);
});

test('a bad annotation value is one line too', () => {
	const path = file('bad-value.yaml', job('        sim.kjobs.io/fail-probability: "often"'));
	assert.equal(scenarioError(path), `${path}: document 1 (Job "oops"): annotation "sim.kjobs.io/fail-probability" in spec.template.metadata.annotations has value "often"; expected a probability between 0 and 1`);
});

test('bad YAML names the file, line and column', () => {
	const path = file('bad.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\n  labels: {a: b\nspec: {}\n');
	assert.equal(scenarioError(path), `${path}:6:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }`);
	assert.equal(scenarioError(path).includes('\n'), false);
});

test('a missing file', () => {
	assert.equal(scenarioError(join(dir, 'nope.yaml')), `scenario file not found: ${join(dir, 'nope.yaml')}`);
});

test('other kinds are skipped with a warning; namespaces are created; age-seconds fast-forwards history', () => {
	const path = file('ok.yaml', `apiVersion: v1
kind: ServiceAccount
metadata:
  name: java-admin
---
apiVersion: batch/v1
kind: Job
metadata:
  name: aged
  namespace: team-a
  annotations:
    sim.kjobs.io/age-seconds: "30"
spec:
  backoffLimit: 2
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "3"
        sim.kjobs.io/exit-code: "1"
    spec:
      containers: [{name: main, image: busybox}]
      restartPolicy: Never
`);
	const {h, result} = load(path);
	assert.deepEqual(result.warnings, [`${path}: document 1 (ServiceAccount "java-admin"): kind ServiceAccount is not simulated; skipped`]);
	assert.ok(h.store.get<Namespace>('Namespace', undefined, 'team-a'));
	const aged = h.store.get<Job>('Job', 'team-a', 'aged')!;
	assert.equal(aged.metadata.creationTimestamp, '2026-01-01T09:59:30Z');
	// Created 30 s ago: pod 1 failed 5 s in, pod 2 (15 s in) failed at 20 s; the third waits for 20 s more.
	assert.equal(aged.status?.failed, 2);
	assert.equal(aged.status?.startTime, '2026-01-01T09:59:30Z');
	assert.deepEqual(h.pods('aged').map(pod => pod.metadata.creationTimestamp), ['2026-01-01T09:59:30Z', '2026-01-01T09:59:45Z']);
	h.step(20);
	assert.equal(h.store.list('Pod').length, 3);
});

test('the empty scenario creates nothing', () => {
	const {h, result} = load('empty');
	assert.deepEqual(result.warnings, []);
	assert.equal(h.store.count('Job'), 0);
});

test('a kind: List stands for its items; behaviour annotations on the Job itself are warned about', () => {
	const path = file('list.yaml', `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: Job
    metadata:
      name: listed
      annotations:
        sim.kjobs.io/run-seconds: "5"
    spec:
      template:
        spec:
          containers: [{name: main, image: busybox}]
          restartPolicy: Never
`);
	const {h, result} = load(path);
	assert.ok(h.store.get<Job>('Job', 'default', 'listed'));
	assert.deepEqual(result.warnings, [`${path}: document 1 (Job "listed"): annotation "sim.kjobs.io/run-seconds" in metadata.annotations has no effect; pods take it from spec.template.metadata.annotations`]);
});
