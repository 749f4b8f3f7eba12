import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createManualClock, createTickingClock} from '../../source/store/clock.js';

test('the manual clock moves only when told and notifies on each step', () => {
	const clock = createManualClock(1000);
	const seen: number[] = [];
	const unsubscribe = clock.subscribe(() => seen.push(clock.now()));
	clock.advance(500);
	clock.set(10_000);
	unsubscribe();
	clock.advance(1);
	assert.deepEqual(seen, [1500, 10_000]);
	assert.equal(clock.now(), 10_001);
});

test('the ticking clock ticks while subscribed and stops when the last listener leaves', async () => {
	const clock = createTickingClock({intervalMs: 5});
	let ticks = 0;
	const unsubscribe = clock.subscribe(() => ticks++);
	// Real time under a loaded test runner is uneven: wait for two ticks (bounded), not for a fixed span.
	const deadline = Date.now() + 2000;
	while (ticks < 2 && Date.now() < deadline) {
		await new Promise(resolve => setTimeout(resolve, 5));
	}

	unsubscribe();
	const after = ticks;
	assert.ok(after >= 2, `ticked ${after} times`);
	await new Promise(resolve => setTimeout(resolve, 30));
	assert.equal(ticks, after);
	assert.ok(Math.abs(clock.now() - Date.now()) < 50);
	clock.stop();
});
