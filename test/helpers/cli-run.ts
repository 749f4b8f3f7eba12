import {execFile} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What one run of the real CLI printed. */
export type CliResult = {code: number; stdout: string; stderr: string};

/** Runs `node --import tsx source/bin.ts ...args` with a private HOME (and state directory) under `dir`, no KUBECONFIG and piped stdin. */
export function runCli(dir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
	const home = path.join(dir, 'home');
	mkdirSync(path.join(home, '.kube'), {recursive: true});
	return new Promise(resolve => {
		execFile(process.execPath, ['--import', 'tsx', path.join(root, 'source/bin.ts'), ...args], {
			cwd: root,
			env: {PATH: process.env['PATH'] ?? '', HOME: home, XDG_STATE_HOME: path.join(home, '.local', 'state'), NO_COLOR: '1', ...env},
			timeout: 60_000,
		}, (error, stdout, stderr) => {
			const code = error && typeof error.code === 'number' ? error.code : (error ? -1 : 0);
			resolve({code, stdout, stderr});
		});
	});
}
