import assert from 'node:assert/strict';
import {test} from 'node:test';
import {measureLogThroughput} from '../../helpers/log-throughput.js';
import {fileLogWorld} from '../../helpers/logs.js';

const world = await fileLogWorld();

test('a flood of 40,000 lines from four pods: every line arrives, the buffer stays at 10,000 and frames keep coming', async () => {
	const report = await measureLogThroughput(world, {lines: 40_000, pods: 4, batch: 1000});
	// 40,000 lines and 4 separators went through a 10,000-entry ring.
	assert.equal(report.dropped, 40_004 - 10_000);
	assert.ok(report.frames >= 1, `frames: ${report.frames}`);
	// A floor far below what it does (about 20,000 lines/s on a loaded machine) so only a real regression fails it.
	assert.ok(report.linesPerSecond > 2000, JSON.stringify(report));
	console.log(`# ${JSON.stringify(report)}`);
});
