/**
Development entry: `npx tsx source/simulator/run.ts --port 0` runs `kjobs simulate` directly.
*/
import process from 'node:process';
import {simulateMain} from './main.js';

const code = await simulateMain(process.argv.slice(2), {
	stdout: s => process.stdout.write(s),
	stderr: s => process.stderr.write(s),
	onSignal(fn) {
		process.once('SIGINT', fn);
		process.once('SIGTERM', fn);
	},
});
process.exitCode = code;
