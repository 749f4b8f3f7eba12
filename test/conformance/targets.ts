/**
What a conformance check runs against: a kubeconfig plus a kubectl bound to it. Two kinds: the real control plane
(control-plane.ts) and kjobs' own simulator, so each check can print both columns from the same steps.
*/
import {execFile} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {loadConnection, type Connection} from '../../source/cluster/connection/kubeconfig.js';
import {startSimulator} from '../../source/simulator/index.js';

export type KubectlResult = {code: number; stdout: string; stderr: string};

/** One cluster under test. */
export type Target = {
	/** "real cluster" or "simulator". */
	readonly label: string;
	readonly kubeconfig: string;
	/** The kubectl binary and the environment it runs in (for long-running watches). */
	readonly kubectlPath: string;
	readonly kubectlEnv: Record<string, string>;
	/** Whether something plays kubelet and scheduler (the simulator always; the real one only with the fake kubelet). */
	readonly hasKubelet: boolean;
	kubectl(args: string[], input?: string): Promise<KubectlResult>;
	/** kubectl that must succeed; returns stdout. */
	ok(args: string[], input?: string): Promise<string>;
	/** Like `kubectl get -o json`, parsed. */
	getJson<T = any>(args: string[]): Promise<T>;
	/** A kjobs connection, loaded from the kubeconfig the way the app loads it. */
	connection(namespace?: string): Connection;
	/** Restarts the API server on the same address, keeping the cluster's state (etcd; the simulator's store). */
	restartServer(): Promise<{downMs: number}>;
};

/** Binds kubectl `binary` to `kubeconfig`, with caches in `workDir`. */
export function makeTarget(label: string, binary: string, kubeconfig: string, workDir: string, hasKubelet: boolean, restartServer: () => Promise<{downMs: number}>): Target {
	mkdirSync(workDir, {recursive: true});
	const env = {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: workDir, KUBECACHEDIR: path.join(workDir, 'cache'), KUBECONFIG: kubeconfig};
	const kubectl = (args: string[], input?: string) => new Promise<KubectlResult>(resolve => {
		const child = execFile(binary, ['--kubeconfig', kubeconfig, ...args], {
			env,
			timeout: 60_000,
			maxBuffer: 64 * 1024 * 1024,
		}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr});
		});
		if (input !== undefined) {
			child.stdin?.end(input);
		}
	});
	const ok = async (args: string[], input?: string) => {
		const result = await kubectl(args, input);
		if (result.code !== 0) {
			throw new Error(`${label}: kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
		}

		return result.stdout;
	};

	return {
		label,
		kubeconfig,
		kubectlPath: binary,
		kubectlEnv: env,
		hasKubelet,
		kubectl,
		ok,
		async getJson(args) {
			return JSON.parse(await ok([...args, '-o', 'json']));
		},
		connection(namespace) {
			return loadConnection({kubeconfig, env: {}, homeDir: workDir, namespace});
		},
		restartServer,
	};
}

/** Starts kjobs' simulator on the wall clock (speed 1, no scenario) as a target. */
export async function startSimulatorTarget(binary: string, workDir: string): Promise<{target: Target; stop(): Promise<void>}> {
	mkdirSync(workDir, {recursive: true});
	const sim = await startSimulator({scenario: 'empty'});
	const kubeconfig = path.join(workDir, 'kubeconfig');
	writeFileSync(kubeconfig, sim.kubeconfig, {mode: 0o600});
	const restart = async () => {
		const stopped = Date.now();
		await sim.restart({keepState: true});
		return {downMs: Date.now() - stopped};
	};

	return {target: makeTarget('simulator', binary, kubeconfig, workDir, true, restart), stop: async () => sim.stop()};
}
