#!/usr/bin/env node
// React's development build renders several times slower, so production is the default before Ink loads.
process.env['NODE_ENV'] ??= 'production';
const {main} = await import('./cli.js');
process.exitCode = await main();
