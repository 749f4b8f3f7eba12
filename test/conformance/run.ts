/**
`npm run conformance`: builds the real control plane if it is not cached, starts it on loopback, runs each check
against it and against kjobs' simulator, stops everything it started and prints check · real cluster · simulator ·
verdict.

Exit status: 0 when every check ran and kjobs' store agreed with the real API server; 1 otherwise; 2 when a
prerequisite (Go) is missing. Differences between the simulator and the real cluster are findings, printed as
DIFFERS, and do not fail the run.

Environment: KJOBS_KUBECTL (kubectl binary), KJOBS_CONFORMANCE_KEEP=1 (keep the temp dir and its logs).
*/
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {ensureBinaries, findKubectl, isAlive, startControlPlane, stopAllControlPlanes, type ControlPlane} from './control-plane.js';
import {formatTable, type Row} from './checks/common.js';
import {jobPodRows, runJobPod} from './checks/job-pod.js';
import {jobRunRows, runJobRun} from './checks/job-run.js';
import {countdownRows, runCountdowns} from './checks/countdowns.js';
import {actionRows, runActions} from './checks/actions.js';
import {runWatchRecovery, watchRecoveryRows} from './checks/watch-recovery.js';
import {startFakeKubelet, type FakeKubelet} from './fake-kubelet.js';
import {makeTarget, startSimulatorTarget} from './targets.js';

const say = (line: string) => process.stderr.write(`${line}\n`);
const keep = process.env['KJOBS_CONFORMANCE_KEEP'] === '1';

let plane: ControlPlane | undefined;
let stopSimulator: (() => Promise<void>) | undefined;
let kubelet: FakeKubelet | undefined;
const work = mkdtempSync(path.join(tmpdir(), 'kjobs-conformance-run-'));

let shuttingDown: Promise<string> | undefined;
/** Stops everything this run started; every caller (signal, error path, normal end) gets the same stop. */
async function shutdown(): Promise<string> {
	shuttingDown ??= stopEverything();
	return shuttingDown;
}

async function stopEverything(): Promise<string> {
	await kubelet?.stop().catch(() => {});
	kubelet = undefined;
	await stopSimulator?.().catch(() => {});
	stopSimulator = undefined;
	if (!plane) {
		// Interrupted while starting: stop whatever had started.
		await stopAllControlPlanes({keep});
		if (!keep) {
			rmSync(work, {recursive: true, force: true});
		}

		return 'stopped a control plane that was still starting';
	}

	const {pids, dir} = plane;
	const started = Date.now();
	await plane.stop({keep});
	plane = undefined;
	if (!keep) {
		rmSync(work, {recursive: true, force: true});
	}

	const alive = Object.entries(pids).filter(([, pid]) => isAlive(pid));
	// ps as the independent witness: no process may still mention the control plane's directory.
	const ps = execFileSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'}).split('\n').filter(line => line.includes(dir));
	if (alive.length > 0 || ps.length > 0) {
		throw new Error(`processes left behind: ${[...alive.map(([name, pid]) => `${name} ${pid}`), ...ps].join('; ')}`);
	}

	return `stopped ${Object.keys(pids).join(', ')} in ${Date.now() - started} ms; ps shows none left`;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		say(`conformance: ${signal}, stopping`);
		void shutdown().finally(() => process.exit(130));
	});
}

/** VmRSS of a process in MiB, from /proc. */
function rssMiB(pid: number): string {
	try {
		const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
		return `${Math.round(kb / 1024)} MiB`;
	} catch {
		return '?';
	}
}

async function main(): Promise<number> {
	const runStarted = Date.now();
	let binaries;
	try {
		const buildStart = Date.now();
		binaries = await ensureBinaries(say);
		say(`conformance: binaries ready in ${((Date.now() - buildStart) / 1000).toFixed(1)} s (${binaries.k8sDir}, ${binaries.etcdDir})`);
	} catch (error) {
		say((error as Error).message);
		return (error as Error).message.includes('needs Go') ? 2 : 1;
	}

	const kubectl = findKubectl();
	plane = await startControlPlane(binaries, {log: line => say(`conformance: ${line}`)});
	const {times} = plane;
	say(`conformance: control plane up in ${(times.totalMs / 1000).toFixed(1)} s (certs ${times.certsMs} ms, etcd ${times.etcdMs} ms, apiserver ${times.apiserverMs} ms, controller manager ${times.controllerManagerMs} ms)`);
	const control = plane;
	const real = makeTarget('real cluster', kubectl, plane.kubeconfig, path.join(work, 'real'), false, async () => control.restartApiserver());
	const version = await real.kubectl(['version']);
	say(`conformance: ${kubectl} version:\n${(version.stdout + version.stderr).trim().replace(/^/gm, '  ')}`);
	const serverVersion = (await plane.request<Record<string, string>>('GET', '/version')).body;
	say(`conformance: /version ${['gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'platform'].map(key => `${key}=${serverVersion[key]}`).join(' ')}`);
	const simulator = await startSimulatorTarget(kubectl, path.join(work, 'sim'));
	stopSimulator = simulator.stop;

	const rows: Row[] = [];
	let failed = false;
	const only = new Set((process.env['KJOBS_CONFORMANCE_ONLY'] ?? '').split(',').filter(Boolean));
	const facts = async <T>(id: string, name: string, run: (target: typeof real) => Promise<T>): Promise<[T, T] | undefined> => {
		if (only.size > 0 && !only.has(id)) {
			return undefined;
		}

		const started = Date.now();
		try {
			say(`conformance: ${name}`);
			return await Promise.all([run(real), run(simulator.target)]);
		} catch (error) {
			failed = true;
			rows.push({check: name, real: `ERROR ${(error as Error).message}`, simulator: '', verdict: 'ERROR'});
			return undefined;
		} finally {
			say(`conformance: ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
		}
	};

	const jobPod = await facts('job-pod', 'job → pod, kjobs store', runJobPod);
	if (jobPod) {
		rows.push(...jobPodRows(...jobPod));
		failed ||= !jobPod[0].storeMatches;
	}

	// From here on the real cluster has a kubelet: kjobs' conformance fake kubelet, a client of the API server.
	kubelet = await startFakeKubelet(plane);
	say(`conformance: fake kubelet registered node ${kubelet.nodeName}, serving logs on 127.0.0.1:${kubelet.port}`);
	const jobRun = await facts('job-run', 'pi job runs to its end', runJobRun);
	if (jobRun) {
		rows.push(...jobRunRows(...jobRun));
	}

	const countdowns = await facts('countdowns', 'countdowns against the controllers\' clocks (about 90 s)', runCountdowns);
	if (countdowns) {
		rows.push(...countdownRows(...countdowns));
	}

	const actions = await facts('actions', 'kjobs\' actions accepted by the API server', runActions);
	if (actions) {
		rows.push(...actionRows(...actions));
	}

	const watchRecovery = await facts('watch', 'watch recovery: restart, 410, bookmarks', runWatchRecovery);
	if (watchRecovery) {
		rows.push(...watchRecoveryRows(...watchRecovery));
		failed ||= !watchRecovery[0].convergedOk;
	}

	if (kubelet.errors.length > 0) {
		say(`conformance: fake kubelet API errors (${kubelet.errors.length}):\n  ${kubelet.errors.slice(0, 10).join('\n  ')}`);
	}

	say(`conformance: resident memory ${Object.entries(plane.pids).map(([name, pid]) => `${name} ${rssMiB(pid)}`).join(', ')}`);
	const stopped = await shutdown();
	say(`conformance: ${stopped}`);
	process.stdout.write(`\n${formatTable(rows)}\n\n`);
	const count = (verdict: string) => rows.filter(row => row.verdict.startsWith(verdict)).length;
	process.stdout.write(`conformance: ${rows.length} rows: ${count('match')} match, ${count('DIFFERS')} differ, ${count('fact')} facts, ${count('known')} known differences, ${count('ERROR')} errors; start ${(times.totalMs / 1000).toFixed(1)} s, whole run ${((Date.now() - runStarted) / 1000).toFixed(0)} s\n`);
	// A row that should match and does not fails the run, as does any error; facts and listed differences do not.
	return failed || count('DIFFERS') > 0 ? 1 : 0;
}

main().then(
	code => {
		process.exitCode = code;
	},
	async (error: unknown) => {
		say(`conformance: ${(error as Error).stack ?? String(error)}`);
		await shutdown().catch((stopError: unknown) => say(`conformance: ${(stopError as Error).message}`));
		process.exitCode = 1;
	},
);
