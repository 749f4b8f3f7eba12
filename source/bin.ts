#!/usr/bin/env node
import {hideCi} from './terminal/ci-env.js';

// React's development build renders several times slower, so production is the default before Ink loads.
process.env['NODE_ENV'] ??= 'production';
// On a terminal the screen is live even when the shell exports CI=true (see terminal/ci-env.ts); without one kjobs
// prints plain text and Ink's CI mode does not matter.
const restore = process.stdout.isTTY ? hideCi(process.env) : () => {};
const {main} = await import('./cli.js');
restore();
process.exitCode = await main();
