/**
The real control plane plus the fake kubelet, kept running for a person: prints the kubeconfig path, then waits
for Ctrl-C (or SIGTERM) and stops everything.

	node --import tsx test/conformance/serve.ts
	KUBECONFIG=<printed path> node dist/kjobs.mjs
*/
import {ensureBinaries, startControlPlane} from './control-plane.js';
import {startFakeKubelet} from './fake-kubelet.js';

const say = (line: string) => process.stderr.write(`${line}\n`);

try {
	const binaries = await ensureBinaries(say);
	const plane = await startControlPlane(binaries, {log: say});
	const kubelet = await startFakeKubelet(plane);
	say(`real control plane up in ${(plane.times.totalMs / 1000).toFixed(1)} s; fake kubelet node ${kubelet.nodeName}`);
	process.stdout.write(`${plane.kubeconfig}\n`);
	const stop = async () => {
		await kubelet.stop();
		await plane.stop();
		say('stopped');
		process.exit(0);
	};

	process.once('SIGINT', () => void stop());
	process.once('SIGTERM', () => void stop());
} catch (error) {
	say((error as Error).message);
	process.exitCode = 1;
}
