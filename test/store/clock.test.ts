import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createManualClock, createTickingClock} from '../../source/store/clock.js';
import {waitFor} from '../helpers/wait-for.js';

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
	await waitFor('two ticks', () => ticks >= 2, {ms: 2000});
	unsubscribe();
	const after = ticks;
	// A timer of the same interval started now is the barrier: timers fire in order, so by its third firing a clock
	// still ticking would have ticked again, however slow the machine.
	let reference = 0;
	const timer = setInterval(() => reference++, 5);
	await waitFor('three firings of a reference timer', () => reference >= 3, {ms: 2000});
	clearInterval(timer);
	assert.equal(ticks, after);
	assert.ok(Math.abs(clock.now() - Date.now()) < 50);
	clock.stop();
});
