import assert from 'node:assert/strict';
import {test} from 'node:test';
import {harness, template} from '../../../helpers/controllers-harness.js';

const lines = (h: ReturnType<typeof harness>, uid: string, restart = 0) =>
	h.logs.read(uid, 'main', restart).map(line => `${new Date(line.time).toISOString()} ${line.data.toString('utf8')}`);

test('log lines are substituted and appended at their own due times, spread over the run; the instance ends on exit', () => {
	const h = harness();
	h.job({metadata: {name: 'talk'}, spec: {completionMode: 'Indexed', completions: 1, template: template({'sim.kjobs.io/run-seconds': '8', 'sim.kjobs.io/log': 'hello from {pod}\nattempt {attempt} index {index}\n\u001B[32mok\u001B[0m\nbye\n'})}});
	const pod = h.pods('talk')[0]!;
	const uid = pod.metadata.uid!;
	h.step(5);
	// Started at 10:00:02; four lines over 8 s: +0, +2, +4, +6.
	assert.deepEqual(lines(h, uid), [
		`2026-01-01T10:00:02.000Z hello from ${pod.metadata.name}`,
		'2026-01-01T10:00:04.000Z attempt 1 index 0',
	]);
	assert.equal(h.logs.ended(uid, 'main', 0), false);
	h.step(10);
	assert.deepEqual(lines(h, uid).slice(2), ['2026-01-01T10:00:06.000Z \u001B[32mok\u001B[0m', '2026-01-01T10:00:08.000Z bye']);
	assert.deepEqual([...h.logs.read(uid, 'main', 0)[2]!.data.subarray(0, 1)], [0x1B]);
	assert.equal(h.logs.ended(uid, 'main', 0), true);
});

test('coarse reconcile steps still stamp every line with its due time', () => {
	const h = harness();
	h.job({metadata: {name: 'coarse'}, spec: {template: template({'sim.kjobs.io/run-seconds': '4', 'sim.kjobs.io/log': 'a\nb'})}});
	const uid = h.pods('coarse')[0]!.metadata.uid!;
	h.clock.advance(30_000);
	h.controllers.reconcile(h.clock.now());
	assert.deepEqual(lines(h, uid), ['2026-01-01T10:00:02.000Z a', '2026-01-01T10:00:04.000Z b']);
	assert.equal(h.pods('coarse')[0]?.status?.phase, 'Succeeded');
});

test('{attempt} counts the job\'s pods; OnFailure restarts write a new container instance each', () => {
	const h = harness();
	h.job({metadata: {name: 'again'}, spec: {backoffLimit: 5, template: template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '1', 'sim.kjobs.io/log': 'attempt {attempt}'})}});
	h.step(20);
	assert.deepEqual(h.pods('again').map(pod => h.logs.read(pod.metadata.uid!, 'main', 0).map(line => line.data.toString()).join()), ['attempt 1', 'attempt 2']);
	const r = harness();
	r.job({metadata: {name: 'loop'}, spec: {backoffLimit: 5, template: template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '1', 'sim.kjobs.io/log': 'attempt {attempt}'}, 'OnFailure')}});
	r.step(20);
	const uid = r.pods('loop')[0]!.metadata.uid!;
	assert.deepEqual([0, 1, 2].map(restart => r.logs.read(uid, 'main', restart).map(line => `${r.at(new Date(line.time).toISOString())} ${line.data.toString()}`)), [['2 attempt 1'], ['13 attempt 2'], []]);
	assert.equal(r.logs.ended(uid, 'main', 1), true);
});

test('log-lines-per-second generates a steady stream at exact times', () => {
	const h = harness();
	h.job({metadata: {name: 'load'}, spec: {template: template({'sim.kjobs.io/run-seconds': '100', 'sim.kjobs.io/log-lines-per-second': '4'})}});
	h.step(4);
	const pod = h.pods('load')[0]!;
	const read = h.logs.read(pod.metadata.uid!, 'main', 0);
	// Started at 10:00:02; by 10:00:04, lines at +0, +250 ms … +2000 ms.
	assert.equal(read.length, 9);
	assert.deepEqual(read.slice(0, 2).map(line => line.time - Date.parse('2026-01-01T10:00:02Z')), [0, 250]);
	assert.equal(read[1]!.data.toString(), `2026-01-01T10:00:02Z INFO worker=${pod.metadata.name} seq=1 processed item 1 in 2ms`);
});

test('a follower of a force-deleted pod sees its stream end', () => {
	const h = harness();
	h.job({metadata: {name: 'gone'}, spec: {template: template({'sim.kjobs.io/run-seconds': '50', 'sim.kjobs.io/log': 'a\nb'})}});
	h.step(3);
	const pod = h.pods('gone')[0]!;
	const seen: Array<string | undefined> = [];
	h.logs.follow(pod.metadata.uid!, 'main', 0, line => seen.push(line?.data.toString()));
	h.store.remove('Pod', 'default', pod.metadata.name!);
	h.controllers.reconcile(h.clock.now());
	assert.deepEqual(seen, [undefined]);
});
