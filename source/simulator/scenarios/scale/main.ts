/**
`kjobs simulate --scenario scale` and the benchmark's simulator process: parses the scale flags, starts the scale
scenario, prints one JSON line describing it, then obeys commands on stdin (`churn N`, `probe on|off`, `logs N`,
`stats`), answering each with a JSON line.
*/
import {createInterface} from 'node:readline';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {wallNow} from '../../clock.js';
import {startScaleSimulator, type ScaleOptions} from './scale.js';
import type {SimulatorOptions} from '../../index.js';

/** The flags `--scenario scale` adds to `kjobs simulate`. */
export const scaleFlags = {
	port: {type: 'string'},
	host: {type: 'string'},
	scenario: {type: 'string'},
	'kubeconfig-out': {type: 'string'},
	seed: {type: 'string'},
	jobs: {type: 'string'},
	cronjobs: {type: 'string'},
	pods: {type: 'string'},
	namespaces: {type: 'string'},
	churn: {type: 'string'},
	control: {type: 'boolean'},
} as const;

function count(name: string, text: string | undefined): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	const value = Number(text);
	if (text.trim() === '' || !Number.isInteger(value) || value < 0) {
		throw new TypeError(`invalid value for --${name}: ${text}`);
	}

	return value;
}

/** Parses the scale scenario's command line into simulator options. Throws TypeError on a bad value. */
export function scaleSimulatorOptions(argv: string[]): SimulatorOptions & ScaleOptions & {kubeconfigPath: string; control: boolean} {
	const {values} = parseArgs({args: argv, options: scaleFlags, strict: true, allowPositionals: false});
	return {
		port: count('port', values.port) ?? 0,
		host: values.host ?? '127.0.0.1',
		kubeconfigPath: values['kubeconfig-out'] ?? join(tmpdir(), 'kjobs-sim.kubeconfig'),
		seed: count('seed', values.seed),
		jobs: count('jobs', values.jobs),
		cronJobs: count('cronjobs', values.cronjobs),
		pods: count('pods', values.pods),
		namespaces: count('namespaces', values.namespaces),
		churn: count('churn', values.churn),
		control: values.control ?? false,
	};
}

/** What scaleMain needs from the process. */
export type ScaleIo = {stdout: (s: string) => void; stderr: (s: string) => void; onSignal: (fn: () => void) => void; stdin?: NodeJS.ReadableStream};

/** Runs the scale scenario until the signal (or stdin closes, with --control); returns the exit code. */
export async function scaleMain(argv: string[], io: ScaleIo): Promise<number> {
	let options;
	try {
		options = scaleSimulatorOptions(argv);
	} catch (error) {
		io.stderr(`kjobs simulate: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}

	const started = wallNow();
	const scale = await startScaleSimulator(options);
	const info = {url: scale.simulator.url, kubeconfig: options.kubeconfigPath, expected: scale.expected, probeBase: scale.probeBase, setupMs: Math.round(wallNow() - started)};
	if (options.control) {
		io.stdout(`${JSON.stringify(info)}\n`);
	} else {
		io.stdout(`Scale scenario (${scale.expected.jobs} jobs, ${scale.expected.cronJobs} cron jobs, ${scale.expected.pods} pods) at ${info.url} (kubeconfig: ${info.kubeconfig}; try: kubectl --kubeconfig ${info.kubeconfig} get pods -A)\n`);
	}

	await new Promise<void>(resolve => {
		io.onSignal(resolve);
		if (options.control && io.stdin) {
			const lines = createInterface({input: io.stdin});
			lines.on('line', line => {
				const [command, value] = line.trim().split(/\s+/);
				const n = Number(value);
				if (command === 'churn' && Number.isFinite(n)) {
					scale.setChurn(n);
				} else if (command === 'probe') {
					scale.setProbe(value === 'on');
				} else if (command === 'logs' && Number.isFinite(n)) {
					scale.setLogRate(n);
				}

				io.stdout(`${JSON.stringify({ok: command, rv: scale.simulator.store.rv, pods: scale.simulator.store.count('Pod'), rss: process.memoryUsage().rss})}\n`);
			});
			lines.on('close', resolve);
		}
	});
	await scale.stop();
	return 0;
}
