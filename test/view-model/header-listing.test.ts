import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isReady} from '../bench/measure-kjobs.js';
import {ScreenEmulator as Screen} from '../helpers/screen-emulator.js';
import {watchStateText} from '../../source/view-model/header.js';

test('a listing watch says how many objects have arrived, not live', () => {
	assert.equal(watchStateText('pods', {phase: 'listing', listed: 12_500}, 0), 'pods listing 12,500…');
});

test('the benchmark does not count a header that is still listing as ready', () => {
	const screen = new Screen(120, 5);
	screen.write('kjobs · 10002 jobs · jobs live · pods listing 12,500…\r\n');
	assert.equal(isReady(screen, 10_002), false);
});
