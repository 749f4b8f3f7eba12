import assert from 'node:assert/strict';
import {test} from 'node:test';
import {helpKeysWidth, helpLines, type HelpLine} from '../../../source/state/keys/help-lines.js';

function drawn(lines: readonly HelpLine[]): string[] {
	const keysWidth = helpKeysWidth(lines);
	return lines.map((line) => {
		switch (line.kind) {
			case 'title': return line.text;
			case 'blank': return '';
			case 'column': return `  ${line.title.padEnd(keysWidth)}  ${line.text}`;
			case 'entry': return `  ${line.entry.keys.padEnd(keysWidth)}  ${line.entry.description}`;
		}
	});
}

test('help on the Jobs table ends with what every column means, wrapped to the width', () => {
	const text = drawn(helpLines('jobs', {}, 80));
	const columns = text.slice(text.indexOf('Columns'));
	assert.deepEqual(columns.filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s{2,}/)[0]), [
		'NAMESPACE', 'NAME', 'STATUS', 'COMPLETIONS', 'ACTIVE', 'FAILED', 'RETRY', 'DEADLINE', 'TTL', 'DURATION', 'AGE', 'CRONJOB',
	]);
	const failed = columns.indexOf(columns.find((line) => line.startsWith('  FAILED'))!);
	assert.deepEqual(columns.slice(failed, failed + 3), [
		'  FAILED             Failures the job controller counts toward backoffLimit. `0`',
		'                     until the first; while the job runs, the retries used of',
		'                     those allowed: `2/6 retries` (restartPolicy Never: each',
	]);
	assert.ok(text.every((line) => [...line].length <= 80), text.find((line) => [...line].length > 80));
});

test('the Pods and CronJobs tables explain their own columns; screens without a table list none', () => {
	assert.ok(drawn(helpLines('pods', {}, 120)).some((line) => line.startsWith('  JOB   ') && line.includes('(orphaned)')));
	assert.ok(drawn(helpLines('cronjobs', {}, 120)).some((line) => line.startsWith('  HISTORY ') && line.includes('✓ succeeded, ✗ failed, ● running')));
	assert.equal(helpLines('pod-detail', {}, 120).some((line) => line.kind === 'column'), false);
});

test('the archive\'s screens\' help fits 80 columns too', () => {
	for (const context of ['history', 'archived-job'] as const) {
		const text = drawn(helpLines(context, {}, 80));
		assert.ok(text.some((line) => line.includes('Delete from the archive (local copy only; asks first)')), context);
		assert.ok(text.every((line) => [...line].length <= 80), text.find((line) => [...line].length > 80));
	}
});
