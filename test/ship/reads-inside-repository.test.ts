/**
The suite must pass from a plain clone: nothing it runs may read outside the repository. Two checks keep it so. At run
time, `npm test` loads test/helpers/reads-inside-repository.ts into every test process, which fails the process that
opens, reads or lists a path outside (this file checks that the hook is wired and works). In the text, no code file may
name a path that climbs out of the repository or points at a machine's folders, so a new reader is caught even in
code that no test happens to run.
*/
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {forgetReadsOutsideRepository, mayRead, readsOutsideRepository, repositoryRoot} from '../helpers/reads-inside-repository.js';

const hook = './test/helpers/reads-inside-repository.ts';

test('npm test loads the read guard into every test process', () => {
	const scripts = (JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts;
	assert.match(scripts.test!, new RegExp(`node --import tsx --import ${hook.replaceAll('.', '\\.')} --test `));
});

test('the read guard records a read beside the checkout, and allows the repository and the temporary folder', () => {
	const beside = path.join(path.dirname(repositoryRoot), 'shared', 'kjobs-read-guard-probe.json');
	assert.equal(mayRead(beside), false);
	assert.equal(mayRead(path.join(repositoryRoot, 'test/fixtures/upstream/README.md')), true);
	assert.equal(mayRead(path.join(repositoryRoot, 'node_modules/yaml/package.json')), true);
	assert.equal(mayRead('/etc/passwd'), false);
	assert.throws(() => readFileSync(beside, 'utf8'), {code: 'ENOENT'});
	assert.deepEqual(readsOutsideRepository(), [beside]);
	// Read on purpose: forgotten, so that this process does not fail at exit for it.
	forgetReadsOutsideRepository();
});

// Paths that leave the repository: its parent's `shared/` folder (where the test data once lived), or the folder this
// project's machines keep checkouts in. Written joined, so that this file does not match itself.
const outward = [
	['..', 'shared'].join('/'),
	['', 'work', ''].join('/'),
];

/** Whether a run of `../` on a line of `file` climbs above the repository root (more steps up than the file is deep). */
function climbsOut(file: string, line: string): boolean {
	const depth = file.split('/').length - 1;
	return [...line.matchAll(/(?:\.\.\/)*\.\.(?![\w.])/g)].some(match => match[0].split('/').length > depth);
}

test('a path climbs out when it has more steps up than its file is deep', () => {
	// Built from pieces, so that the scan below does not find them in this file.
	const up = (steps: number) => Array.from({length: steps}, () => '..').join('/');
	assert.equal(climbsOut('source/simulator/api/routes/create.ts', `import type {Job} from '${up(3)}/kube/types.js';`), false);
	assert.equal(climbsOut('test/ship/x.test.ts', `path.resolve(import.meta.dirname, '${up(2)}')`), false);
	assert.equal(climbsOut('test/ship/x.test.ts', `path.resolve(import.meta.dirname, '${up(3)}')`), true);
	assert.equal(climbsOut('test/x.test.ts', `readFileSync('${up(2)}/fixtures/pi.yaml')`), true);
	assert.equal(climbsOut('source/cli.tsx', "const range = '1..5';"), false);
});

test('no code file names a path outside the repository', () => {
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'source', 'test', 'media', 'scripts', '.ci', 'package.json'], {cwd: repositoryRoot, encoding: 'utf8'})
		.split('\n')
		.filter(file => file && !file.endsWith('.md') && !file.startsWith('test/fixtures/'));
	assert.ok(files.length > 100, 'git ls-files found the code files');
	const found = files.flatMap(file => {
		let text: string;
		try {
			text = readFileSync(path.join(repositoryRoot, file), 'utf8');
		} catch {
			return [];
		}

		return text.split('\n').flatMap((line, index) => outward.some(part => line.includes(part)) || climbsOut(file, line) ? [`${file}:${index + 1}: ${line.trim()}`] : []);
	});
	assert.deepEqual(found, []);
});
