import assert from 'node:assert/strict';
import {test} from 'node:test';
import {followPodLogs} from '../../../source/cluster/logs/streams.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import {sanitizedEntry} from '../../../source/view-model/logs/search.js';
import {createJob, createJobPod, fileLogWorld, logSubject, print, quickBackoff, texts, until} from '../../helpers/logs.js';

const world = await fileLogWorld();

test('a line cut three times (stream, buffer, screen) says how many characters are missing, counted on the whole line', async () => {
	const job = createJob(world, 'long');
	const pod = createJobPod(world, job, 'long-aaaaa');
	// 160,000 bytes on the wire, 80,000 characters: the stream keeps 64 KiB, the buffer 16,384 characters, the row 4,096.
	const line = `${'é'.repeat(40_000)}${'🙂'.repeat(20_000)}`;
	print(world, pod, `${line}\nafter`);
	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	const session = followPodLogs(world.kc, world.store, logSubject(pod), buffer, {clock: world.clock, backoffMs: quickBackoff});
	try {
		await until(world, buffer, () => texts(buffer).length === 2);
		const [long, next] = buffer.getSnapshot().entries.filter(entry => entry.kind === 'line');
		assert.equal(next?.kind === 'line' && next.text, 'after');
		assert.ok(long?.kind === 'line');
		assert.equal(long.text, line.slice(0, 16_384));
		assert.equal(long.text.length + long.cut, line.length);
		const shown = sanitizedEntry(long);
		assert.equal(shown.cut, line.length - 4096);
		assert.equal(shown.plain, `${'é'.repeat(4096)} … +${line.length - 4096} chars`);
	} finally {
		session.close();
	}
});
