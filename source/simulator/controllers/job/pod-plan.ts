/**
What a simulated container does, read from the `sim.kjobs.io/*` annotations its pod carries (copied from the pod
template): how long it runs, how it exits, and what it prints. Decided once per container instance from the seeded
random source, so a seed reproduces a run.
*/
import type {Pod} from '../../../kube/types.js';

/** The annotation prefix of simulator behaviour. */
export const simPrefix = 'sim.kjobs.io/';

/** Every behaviour annotation the simulator understands. */
export const simAnnotations = {
	runSeconds: 'sim.kjobs.io/run-seconds',
	exitCode: 'sim.kjobs.io/exit-code',
	failProbability: 'sim.kjobs.io/fail-probability',
	reason: 'sim.kjobs.io/reason',
	log: 'sim.kjobs.io/log',
	logLinesPerSecond: 'sim.kjobs.io/log-lines-per-second',
	ageSeconds: 'sim.kjobs.io/age-seconds',
} as const;

/** The set of known keys, for scenario validation. */
export const knownSimAnnotations: ReadonlySet<string> = new Set(Object.values(simAnnotations));

/** One container instance's fate. */
export type ContainerPlan = {
	/** Run time once started, ms. */
	runMs: number;
	exitCode: number;
	/** terminated.reason: Completed, Error or OOMKilled. */
	reason: string;
	/** The image can never be pulled: the container stays waiting in ErrImagePull / ImagePullBackOff. */
	imagePullFails: boolean;
	/** Scripted output lines (after substitution), spread evenly over the run. */
	lines: Buffer[];
	/** Generated lines per second (load tests); 0 for none. */
	linesPerSecond: number;
};

/** What the template placeholders are replaced with. */
export type PlanVariables = {pod: string; attempt: number; index: string};

function parseRange(text: string | undefined, fallback: [number, number]): [number, number] {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?))?\s*$/.exec(text ?? '');
	if (!match) {
		return fallback;
	}

	const low = Number(match[1]);
	const high = match[2] === undefined ? low : Number(match[2]);
	return low <= high ? [low, high] : [high, low];
}

/** Replaces {pod}, {attempt} and {index} in a log template. */
export function substitute(template: string, variables: PlanVariables): string {
	return template.replaceAll('{pod}', variables.pod).replaceAll('{attempt}', String(variables.attempt)).replaceAll('{index}', variables.index);
}

/** Decides a container instance's fate from its pod's annotations. */
export function planContainer(pod: Pod, variables: PlanVariables, random: () => number): ContainerPlan {
	const annotations = pod.metadata.annotations ?? {};
	const [low, high] = parseRange(annotations[simAnnotations.runSeconds], [3, 8]);
	// Whole seconds keep every timestamp on the API's one-second grid.
	const runSeconds = Math.round(low + (random() * (high - low)));
	let exitCode = Number.parseInt(annotations[simAnnotations.exitCode] ?? '0', 10);
	if (Number.isNaN(exitCode)) {
		exitCode = 0;
	}

	const failProbability = Number.parseFloat(annotations[simAnnotations.failProbability] ?? '0');
	if (exitCode === 0 && failProbability > 0 && random() < failProbability) {
		exitCode = 1;
	}

	const special = annotations[simAnnotations.reason];
	let reason = exitCode === 0 ? 'Completed' : 'Error';
	if (special === 'OOMKilled') {
		exitCode = 137;
		reason = 'OOMKilled';
	}

	const template = annotations[simAnnotations.log];
	const lines = template === undefined ? [] : substitute(template, variables).replace(/\n$/, '').split('\n').map(line => Buffer.from(line, 'utf8'));
	const rate = Number.parseFloat(annotations[simAnnotations.logLinesPerSecond] ?? '0');
	return {
		runMs: Math.max(1, runSeconds) * 1000,
		exitCode,
		reason,
		imagePullFails: special === 'ImagePullBackOff' || special === 'ErrImagePull',
		lines,
		linesPerSecond: Number.isFinite(rate) && rate > 0 ? rate : 0,
	};
}

/** When scripted line `i` of `count` is printed, relative to the container start: evenly over the run, the first at once. */
export function lineOffset(i: number, count: number, runMs: number): number {
	return count <= 1 ? 0 : Math.floor((i * runMs) / count);
}
