/**
`npm run readme`: rewrites the readme's Usage block and key table from the help text and the keymap.
*/
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {syncReadme} from './readme-sections.js';

const file = path.resolve(import.meta.dirname, '../../readme.md');
const before = readFileSync(file, 'utf8');
const after = syncReadme(before);
writeFileSync(file, after);
console.log(before === after ? 'readme.md is up to date' : 'readme.md: generated sections regenerated');
