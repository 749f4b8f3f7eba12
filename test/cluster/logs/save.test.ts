import assert from 'node:assert/strict';
import {mkdtemp, readFile, stat, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {logFileName, saveLogLines, savePath} from '../../../source/cluster/logs/save.js';
import {createManualClock} from '../../../source/store/clock.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import {logSaveLines} from '../../../source/view-model/logs/save-text.js';

test('saving writes sanitized lines with separators and markers, to a new file only', async () => {
	const buffer = new LogBuffer({capacity: 4, clock: createManualClock(0)});
	const base = {podUid: 'u', podName: 'pi-x7k2q', tag: '#3'};
	buffer.append({kind: 'line', ...base, container: 'main', text: 'dropped', cut: 0});
	buffer.append({kind: 'separator', ...base, label: 'attempt 3', startedAt: Date.UTC(2026, 0, 1, 12, 1, 7)});
	buffer.append({kind: 'line', ...base, container: 'main', timeText: '2026-01-01T12:01:08.5Z', text: '\u001B[31mred\u001B[0m \u001B]52;c;QUFB\u0007 10%\r99%', cut: 0});
	buffer.append({kind: 'line', ...base, container: 'main', text: 'bell\u0007', cut: 0});
	buffer.append({kind: 'marker', ...base, severity: 'warning', text: 'pod deleted'});
	const lines = logSaveLines(buffer.getSnapshot(), {timestamps: true});
	assert.deepEqual(lines, [
		'# 1 earlier lines were dropped from the pane\'s buffer',
		'#3 ── attempt 3 · pi-x7k2q · started 12:01:07 ──',
		'#3 2026-01-01T12:01:08.5Z 99% ␛]52… 10%',
		'#3 - bell^G',
		'#3 ▲ pod deleted',
	]);
	const dir = await mkdtemp(join(tmpdir(), 'kjobs-save-'));
	const name = logFileName('pi/../x y', Date.UTC(2026, 0, 1, 12, 1, 9, 250));
	assert.equal(name, 'kjobs-pi_.._x_y-20260101T120109Z.log');
	const path = await saveLogLines(join(dir, name), lines);
	assert.equal(path, join(dir, name));
	assert.equal(await readFile(path, 'utf8'), `${lines.join('\n')}\n`);
	assert.equal((await stat(path)).mode & 0o777, 0o600);
	// A second save in the same second takes the next free name; the first file is left as it was.
	assert.equal(await saveLogLines(path, ['again']), join(dir, 'kjobs-pi_.._x_y-20260101T120109Z-2.log'));
	assert.equal(await saveLogLines(path, ['and again']), join(dir, 'kjobs-pi_.._x_y-20260101T120109Z-3.log'));
	assert.equal(await readFile(path, 'utf8'), `${lines.join('\n')}\n`);
	assert.equal(await readFile(join(dir, 'kjobs-pi_.._x_y-20260101T120109Z-3.log'), 'utf8'), 'and again\n');
});

test('a save never writes through a symlink planted at the name or at the next one', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'kjobs-save-'));
	const target = join(dir, 'target');
	await writeFile(target, 'keep');
	await symlink(target, join(dir, 'x.log'));
	await symlink(target, join(dir, 'x-2.log'));
	assert.equal(await saveLogLines(join(dir, 'x.log'), ['line']), join(dir, 'x-3.log'));
	assert.equal(await readFile(target, 'utf8'), 'keep');
});

test('savePath: nothing typed is the default place; ~ is home; relative paths go inside the log directory, never the working directory', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'kjobs-save-path-'));
	const logs = join(dir, 'kjobs-logs');
	const home = join(dir, 'home');
	assert.equal(await savePath('', logs, home, 'kjobs-pi-T.log'), join(logs, 'kjobs-pi-T.log'));
	assert.equal(await savePath('  ', logs, home, 'kjobs-pi-T.log'), join(logs, 'kjobs-pi-T.log'));
	assert.equal(await savePath('out.log', logs, home, 'kjobs-pi-T.log'), join(logs, 'out.log'));
	assert.equal(await savePath('../x/out.log', logs, home, 'kjobs-pi-T.log'), join(dir, 'x', 'out.log'));
	assert.equal(await savePath('~/a.log', logs, home, 'kjobs-pi-T.log'), join(home, 'a.log'));
	assert.equal(await savePath('~', logs, home, 'kjobs-pi-T.log'), join(home, 'kjobs-pi-T.log'));
	assert.equal(await savePath('/var/tmp/kept/', logs, home, 'kjobs-pi-T.log'), '/var/tmp/kept/kjobs-pi-T.log');
	// An existing directory named without the slash gets the default file name inside it.
	assert.equal(await savePath(dir, logs, home, 'kjobs-pi-T.log'), join(dir, 'kjobs-pi-T.log'));
});
