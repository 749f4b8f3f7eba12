/**
The benchmark's simulator process: the built scale scenario with a control channel on stdin.
*/
import {scaleMain} from '../../source/simulator/scenarios/scale/main.js';

process.exitCode = await scaleMain(process.argv.slice(2), {
	stdout: text => process.stdout.write(text),
	stderr: text => process.stderr.write(text),
	onSignal(stop) {
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	},
	stdin: process.stdin,
});
