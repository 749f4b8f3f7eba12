/**
`kjobs simulate`: runs the simulated cluster in the foreground and prints where it listens and where its kubeconfig is.
*/
import {parseArgs} from 'node:util';
import {parseFaults} from './faults/spec.js';
import {startSimulator} from './index.js';
import {scaleMain} from './scenarios/scale/main.js';
import {privateKubeconfigPath} from './private-file.js';
import {ScenarioError} from './scenarios/index.js';

const values = (rates: Record<string, number | undefined>) => Object.entries(rates).map(([name, rate]) => `${name}=${rate}`).join(',') || 'none';

/** What simulateMain needs from the process. */
export type SimulateIo = {stdout: (s: string) => void; stderr: (s: string) => void; onSignal: (fn: () => void) => void};

function number(name: string, text: string | undefined, check: (n: number) => boolean): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	const value = Number(text);
	if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
		throw new TypeError(`invalid value for --${name}: ${text}`);
	}

	return value;
}

/** Runs `kjobs simulate [--port N] [--host H] [--scenario demo|FILE] [--kubeconfig-out FILE] [--speed X] [--seed N] [--faults SPEC] [--tls] [--token T]` until the signal; returns the exit code. */
export async function simulateMain(argv: string[], io: SimulateIo): Promise<number> {
	// The scale scenario is generated, not loaded, and takes its own size flags.
	if (/(^|\s)--scenario(=|\s)scale(\s|$)/.test(argv.join(' '))) {
		return scaleMain(argv, io);
	}

	let options;
	try {
		const {values} = parseArgs({
			args: argv,
			options: {
				port: {type: 'string'},
				host: {type: 'string'},
				scenario: {type: 'string'},
				'kubeconfig-out': {type: 'string'},
				speed: {type: 'string'},
				seed: {type: 'string'},
				faults: {type: 'string'},
				tls: {type: 'boolean'},
				token: {type: 'string'},
			},
			strict: true,
			allowPositionals: false,
		});
		options = {
			port: number('port', values.port, n => Number.isInteger(n) && n >= 0 && n <= 65_535) ?? 0,
			host: values.host ?? '127.0.0.1',
			scenario: values.scenario ?? 'demo',
			kubeconfigOut: values['kubeconfig-out'],
			speed: number('speed', values.speed, n => n > 0),
			seed: number('seed', values.seed, n => Number.isInteger(n)),
			...(values.faults === undefined ? {} : {faults: parseFaults(values.faults)}),
			...(values.tls ? {tls: true} : {}),
			...(values.token === undefined ? {} : {token: values.token}),
		};
		if (options.token === '') {
			throw new TypeError('invalid value for --token: it must not be empty');
		}

		if (options.token !== undefined && !options.tls) {
			// A real client sends no token over plain http, so the simulator would refuse kubectl and kjobs alike.
			throw new TypeError('--token needs --tls: kubectl and kjobs send no token over plain http');
		}
	} catch (error) {
		io.stderr(`kjobs simulate: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}

	// Without --kubeconfig-out, a fresh private directory: a fixed name in /tmp is one anyone can plant first.
	const {kubeconfigOut, ...simulatorOptions} = options;
	const scratch = kubeconfigOut === undefined ? await privateKubeconfigPath() : undefined;
	const kubeconfigPath = kubeconfigOut ?? scratch!.file;
	let simulator;
	try {
		simulator = await startSimulator({...simulatorOptions, kubeconfigPath});
	} catch (error) {
		await scratch?.remove();
		const message = error instanceof ScenarioError || error instanceof Error ? error.message : String(error);
		io.stderr(`kjobs simulate: ${message}\n`);
		return 1;
	}

	for (const warning of simulator.warnings) {
		io.stderr(`kjobs simulate: warning: ${warning}\n`);
	}

	const extras = [options.faults ? `faults: ${values(options.faults)}` : '', options.tls ? 'TLS with a generated CA' : '', options.token === undefined ? '' : 'bearer token required'].filter(Boolean);
	io.stdout(`Simulated cluster at ${simulator.url}${extras.length > 0 ? ` [${extras.join('; ')}]` : ''} (kubeconfig: ${kubeconfigPath}; try: kubectl --kubeconfig ${kubeconfigPath} get jobs -A)\n`);
	await new Promise<void>(resolve => {
		io.onSignal(resolve);
	});
	await simulator.stop();
	await scratch?.remove();
	return 0;
}
