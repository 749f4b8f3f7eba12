import assert from 'node:assert/strict';
import {test} from 'node:test';
import {clampDelay, createManualClock, createSystemClock, maxDelayMs, sleep} from '../../source/store/clock.js';
import {waitFor} from '../helpers/wait-for.js';

test('the manual clock moves only when told and ticks once on each step', () => {
	const clock = createManualClock(1000);
	const seen: number[] = [];
	const unsubscribe = clock.subscribe(() => seen.push(clock.now()));
	clock.advance(500);
	clock.set(10_000);
	unsubscribe();
	clock.advance(1);
	assert.deepEqual(seen, [1500, 10_000]);
	assert.equal(clock.now(), 10_001);
	assert.throws(() => clock.advance(-1), RangeError);
});

test('the manual clock fires due timers in order, each at its own time, and those they set when due in the same step', () => {
	const clock = createManualClock(0);
	const fired: string[] = [];
	clock.setTimer(() => fired.push(`b@${clock.now()}`), 200);
	clock.setTimer(() => {
		fired.push(`a@${clock.now()}`);
		clock.setTimer(() => fired.push(`a2@${clock.now()}`), 50);
	}, 100);
	clock.setTimer(() => fired.push(`b-second@${clock.now()}`), 200);
	const cancel = clock.setTimer(() => fired.push('cancelled'), 150);
	clock.setTimer(() => fired.push(`late@${clock.now()}`), 1000);
	cancel();
	assert.equal(clock.pending(), 4);
	clock.advance(300);
	assert.deepEqual(fired, ['a@100', 'a2@150', 'b@200', 'b-second@200']);
	assert.equal(clock.now(), 300);
	assert.equal(clock.pending(), 1);
	clock.set(1000);
	assert.deepEqual(fired.at(-1), 'late@1000');
	assert.equal(clock.pending(), 0);
});

test('every delay is clamped to what a timer can hold, so a huge one never turns into a 1 ms loop', () => {
	assert.equal(clampDelay(-5), 0);
	assert.equal(clampDelay(Number.NaN), 0);
	assert.equal(clampDelay(250), 250);
	assert.equal(clampDelay(2 ** 40), maxDelayMs);
	assert.equal(clampDelay(Number.POSITIVE_INFINITY), maxDelayMs);
	const clock = createManualClock(0);
	let fired = 0;
	clock.setTimer(() => fired++, 2 ** 40);
	clock.advance(maxDelayMs - 1);
	assert.equal(fired, 0);
	clock.advance(1);
	assert.equal(fired, 1);
});

test('sleep waits on the clock, and an abort ends it at once', async () => {
	const clock = createManualClock(0);
	let woke = false;
	const sleeping = sleep(clock, 1000).then(() => {
		woke = true;
	});
	clock.advance(999);
	await Promise.resolve();
	assert.equal(woke, false);
	clock.advance(1);
	await sleeping;
	assert.equal(woke, true);
	const controller = new AbortController();
	const aborted = sleep(clock, 60_000, controller.signal);
	controller.abort();
	await aborted;
	assert.equal(clock.pending(), 0);
});

test('the system clock ticks while subscribed, stops when the last listener leaves, and holds a huge delay', async () => {
	const clock = createSystemClock({tickMs: 5});
	let huge = 0;
	const cancelHuge = clock.setTimer(() => huge++, 2 ** 40);
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
	assert.equal(huge, 0, 'a delay beyond 2^31-1 ms must not fire after 1 ms');
	cancelHuge();
	clock.stop();
});
