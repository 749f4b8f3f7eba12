/**
Scenarios: YAML files of ordinary Kubernetes manifests that seed the simulated cluster. Namespaces, Jobs and
CronJobs are created with the defaults the API server adds; other kinds are skipped with a warning. Objects
annotated `sim.kjobs.io/age-seconds` are created that long ago and their history is fast-forwarded, so a scenario
opens on finished jobs, jobs in back-off and TTLs counting down.
*/
import {existsSync, readFileSync} from 'node:fs';
import {parseAllDocuments} from 'yaml';
import type {CronJob, Job, KubeObject, Namespace} from '../../kube/types.js';
import type {Controllers, SimContext} from '../controllers/index.js';
import {prepareCronJobForCreate, prepareJobForCreate} from '../controllers/job/job-defaults.js';
import {rfc3339} from '../controllers/objects.js';
import {simAnnotations} from '../controllers/job/pod-plan.js';
import {defaultNamespace} from '../api/defaults.js';
import {demoScenarioYaml} from './demo.js';
import {describePlace, ScenarioError, validateDocument} from './validate.js';

export {ScenarioError} from './validate.js';

/** Fast-forward step: the controllers see simulated history at this resolution. */
const fastForwardStepMs = 1000;

type Planned = {kind: 'Job' | 'CronJob'; object: KubeObject; at: number};

function readSource(source: string): {file: string; text: string} {
	if (source === 'demo') {
		return {file: 'demo scenario', text: demoScenarioYaml};
	}

	if (source === 'empty') {
		return {file: 'empty scenario', text: ''};
	}

	if (!existsSync(source)) {
		throw new ScenarioError(`scenario file not found: ${source}`);
	}

	return {file: source, text: readFileSync(source, 'utf8')};
}

/** Parses a scenario's documents; bad YAML is a ScenarioError naming file, line and column. */
export function parseScenario(text: string, file: string): unknown[] {
	const documents = parseAllDocuments(text);
	const list = Array.isArray(documents) ? documents : [documents];
	for (const document of list) {
		const error = document.errors[0];
		if (error) {
			const position = error.linePos?.[0];
			const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
			throw new ScenarioError(`${file}:${position?.line ?? 1}:${position?.col ?? 1}: invalid YAML: ${message}`);
		}
	}

	return list.map(document => document.toJS() as unknown).filter(value => value !== null && value !== undefined);
}

function ensureNamespace(context: SimContext, name: string, at: number): void {
	if (!context.store.get('Namespace', undefined, name)) {
		const namespace: Namespace = {apiVersion: 'v1', kind: 'Namespace', metadata: {name, creationTimestamp: rfc3339(at)}};
		defaultNamespace(namespace);
		context.store.create('Namespace', namespace);
	}
}

function create(context: SimContext, planned: Planned): void {
	const {store} = context;
	const object = structuredClone(planned.object);
	object.metadata.creationTimestamp = rfc3339(planned.at);
	if (store.get(planned.kind, object.metadata.namespace, object.metadata.name ?? '')) {
		throw new ScenarioError(`${planned.kind} ${object.metadata.namespace}/${object.metadata.name} is defined twice`);
	}

	if (planned.kind === 'Job') {
		store.create('Job', prepareJobForCreate(object as Job, store.newUid()));
	} else {
		store.create('CronJob', prepareCronJobForCreate(object as CronJob));
	}
}

/**
Loads a scenario into the cluster: `demo` (built in), `empty`, or a path to a YAML file. Objects annotated with
`sim.kjobs.io/age-seconds` are created in the past and their history fast-forwarded through `controllers`.
Throws ScenarioError with a one-line message naming the file, document and key when the scenario is bad.
*/
export function loadScenario(source: string, context: SimContext, controllers: Controllers): {warnings: string[]} {
	const {file, text} = readSource(source);
	const documents = parseScenario(text, file);
	const now = context.clock.now();
	const warnings: string[] = [];
	const namespaces: string[] = [];
	const planned: Planned[] = [];
	// A kind: List document stands for its items (kubectl get -o yaml prints one).
	const expanded = documents.flatMap((document, index) => {
		const list = document as {kind?: unknown; items?: unknown};
		return list?.kind === 'List' && Array.isArray(list.items) ? list.items.map(item => ({document: item as unknown, index})) : [{document, index}];
	});
	for (const {document, index} of expanded) {
		if (typeof document !== 'object' || document === null || Array.isArray(document)) {
			throw new ScenarioError(`${file}: document ${index + 1} is not a Kubernetes object`);
		}

		const object = document as KubeObject;
		const kind = typeof object.kind === 'string' ? object.kind : '';
		object.metadata ??= {};
		const name = object.metadata.name ?? '';
		const place = {file, index, kind: kind || '(no kind)', name};
		if (kind === 'Namespace') {
			namespaces.push(name);
			continue;
		}

		if (kind !== 'Job' && kind !== 'CronJob') {
			warnings.push(`${describePlace(place)}: kind ${kind || '(none)'} is not simulated; skipped`);
			continue;
		}

		warnings.push(...validateDocument(object, place));
		object.metadata.namespace ??= 'default';
		const age = Number(object.metadata.annotations?.[simAnnotations.ageSeconds] ?? '0');
		planned.push({kind, object, at: now - (age * 1000)});
	}

	// Stable: objects of the same age keep their order in the file.
	planned.sort((a, b) => a.at - b.at);
	const earliest = Math.min(now, ...planned.map(item => item.at));
	for (const name of [...namespaces, ...planned.map(item => item.object.metadata.namespace ?? 'default')]) {
		ensureNamespace(context, name, earliest);
	}

	let next = 0;
	for (let t = earliest; t < now; t += fastForwardStepMs) {
		while (next < planned.length && planned[next]!.at <= t) {
			create(context, planned[next++]!);
		}

		controllers.reconcile(t);
	}

	while (next < planned.length) {
		create(context, planned[next++]!);
	}

	controllers.reconcile(now);
	return {warnings};
}
