import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {CappedLog} from '../../source/archive/capped-log.js';
import {openArchiveDisk} from '../../source/archive/disk.js';
import {archiveRoot, decodePart, encodePart} from '../../source/archive/paths.js';
import {runFormat, runVersion, type ArchivedRun} from '../../source/archive/types.js';

function scratch(): {root: string; done(): void} {
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-archive-'));
	return {root: path.join(dir, 'kjobs', 'archive'), done: () => rmSync(dir, {recursive: true, force: true})};
}

function run(uid: string, capturedAt: number, lines = 1, context = 'ctx', namespace = 'batch'): ArchivedRun {
	return {
		format: runFormat, version: runVersion, capturedAt, context, namespace,
		job: {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: `job-${uid}`, namespace, uid}, spec: {template: {spec: {containers: []}}}} as unknown as ArchivedRun['job'],
		pods: [], events: [],
		logs: Array.from({length: lines}, (_, index) => ({kind: 'line' as const, podUid: 'p', podName: 'pod', tag: '#1', container: 'main', text: `line ${index} ${'x'.repeat(100)}`, cut: 0})),
	};
}

const t0 = Date.parse('2026-03-02T10:00:00Z');

test('past the total size cap the oldest runs are evicted first, the newest kept', async () => {
	const {root, done} = scratch();
	try {
		const size = Buffer.byteLength(JSON.stringify(run('a', t0, 50)));
		const disk = openArchiveDisk({root, maxBytes: Math.floor(size * 2.5)});
		await disk.write(run('old', t0, 50));
		await disk.write(run('middle', t0 + 1000, 50));
		const {evicted} = await disk.write(run('new', t0 + 2000, 50));
		assert.deepEqual(evicted.map(file => path.basename(file)), ['old.json']);
		assert.deepEqual((await disk.list()).map(entry => entry.uid), ['middle', 'new']);
	} finally {
		done();
	}
});

test('a half-written or damaged run file is a clear problem and skipped; the other runs still read', async () => {
	const {root, done} = scratch();
	try {
		const disk = openArchiveDisk({root});
		await disk.write(run('good', t0));
		const {file} = await disk.write(run('cut', t0 + 1));
		const whole = JSON.stringify(run('cut', t0 + 1));
		writeFileSync(file, whole.slice(0, whole.length / 2));
		writeFileSync(path.join(path.dirname(file), 'empty.json'), '');
		writeFileSync(path.join(path.dirname(file), 'other.json'), '{"hello":1}');
		const {runs, problems} = await disk.readAll();
		assert.deepEqual(runs.map(each => each.job.metadata.uid), ['good']);
		assert.deepEqual(problems.map(problem => [path.basename(problem.file), problem.reason]).sort(), [
			['cut.json', 'the file is cut short or not JSON (half-written or damaged)'],
			['empty.json', 'the file is empty'],
			['other.json', 'not a kjobs run (no format marker, or a version this kjobs cannot read)'],
		]);
	} finally {
		done();
	}
});

test('a full disk fails the write with ENOSPC, leaves the earlier run readable and no temp file behind', async () => {
	const {root, done} = scratch();
	try {
		await openArchiveDisk({root}).write(run('same', t0, 2));
		const full = openArchiveDisk({
			root,
			async writeData(handle, text) {
				await handle.write(text.slice(0, 10));
				throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
			},
		});
		await assert.rejects(full.write(run('same', t0 + 1000, 9)), {code: 'ENOSPC'});
		const {runs, problems} = await full.readAll();
		assert.deepEqual(problems, []);
		assert.equal(runs[0]!.logs.length, 2);
		assert.deepEqual(readdirSync(path.join(root, 'ctx', 'batch')), ['same.json']);
	} finally {
		done();
	}
});

test('names from the cluster cannot leave the archive, and a symlinked directory inside it is refused, not followed', async () => {
	assert.equal(encodePart('..'), '%2E%2E');
	assert.equal(encodePart('arn:aws:eks:eu-west-1:1:cluster/prod'), 'arn%3Aaws%3Aeks%3Aeu-west-1%3A1%3Acluster%2Fprod');
	assert.equal(decodePart(encodePart('ctx/ünï')), 'ctx/ünï');
	assert.ok(encodePart('a'.repeat(400)).length < 200);
	assert.equal(archiveRoot({XDG_STATE_HOME: '/home/u/state'}, '/home/u'), '/home/u/state/kjobs/archive');
	assert.equal(archiveRoot({XDG_STATE_HOME: 'relative'}, '/home/u'), '/home/u/.local/state/kjobs/archive');
	// The demo's made-up runs never share a folder (or a size cap) with real ones.
	assert.equal(archiveRoot({}, '/home/u', {demo: true}), '/home/u/.local/state/kjobs/demo-archive');
	const {root, done} = scratch();
	try {
		const disk = openArchiveDisk({root});
		const {file} = await disk.write(run('../../escape', t0, 1, '../..', '/etc'));
		assert.ok(file.startsWith(root + path.sep), file);
		const elsewhere = path.join(path.dirname(path.dirname(root)), 'elsewhere');
		mkdirSync(elsewhere);
		mkdirSync(path.join(root, 'ctx'), {recursive: true});
		symlinkSync(elsewhere, path.join(root, 'ctx', 'batch'));
		await assert.rejects(disk.write(run('u1', t0)), /is a symbolic link/);
		assert.deepEqual(readdirSync(elsewhere), []);
		assert.equal(existsSync(path.join(elsewhere, 'u1.json')), false);
	} finally {
		done();
	}
});

test('the per-run cap keeps the start and the end of the logs and says how much was left out', () => {
	const log = new CappedLog(4096);
	for (let index = 0; index < 200; index++) {
		log.append({kind: 'line', podUid: 'p', podName: 'pod', tag: '', container: 'main', text: `line ${index}`, cut: 0});
	}

	const {logs, truncated} = log.result();
	assert.ok(truncated && truncated.lines > 0 && truncated.capBytes === 4096);
	const texts = logs.map(entry => (entry.kind === 'separator' ? entry.label : entry.text));
	assert.equal(texts[0], 'line 0');
	assert.equal(texts.at(-1), 'line 199');
	assert.match(texts.find(text => text.includes('left out')) ?? '', new RegExp(`^${truncated.lines} log entries .* left out here`));
	assert.equal(logs.length - 1 + truncated.lines, 200);
});
