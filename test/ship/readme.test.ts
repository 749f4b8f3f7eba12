import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {keymapMarkdownTable} from '../../source/state/keys/keymap-help.js';
import {columnsMarkdownTable} from '../../source/view-model/table/column-table.js';
import {readmeSections, syncReadme, usageBlock} from './readme-sections.js';

const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'readme.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>};

test('the readme Usage block is the --help text (npm run readme regenerates it)', () => {
	assert.equal(readmeSections(readme).usage, usageBlock());
});

test('the usage block drops only the indent and the blank ends of the help text', () => {
	const lines = usageBlock().split('\n');
	assert.equal(lines[0], 'Watch Kubernetes Jobs, CronJobs and their Pods live: completions, backoff, TTL and cron countdowns.');
	assert.equal(lines[3], '  $ kjobs [flags]');
	assert.equal(lines.at(-1), '  $ kjobs simulate --scenario demo --port 8080 --kubeconfig-out /tmp/sim.kubeconfig');
});

test('syncing rewrites both generated sections and leaves the rest alone', () => {
	const stale = '# x\n\n## Usage\n\n```\nold help\n```\n\ntext\n<!-- keys:start -->\n| old |\n<!-- keys:end -->\nend\n';
	assert.equal(syncReadme(stale), `# x\n\n## Usage\n\n\`\`\`\n${usageBlock()}\n\`\`\`\n\ntext\n<!-- keys:start -->\n${keymapMarkdownTable()}\n<!-- keys:end -->\nend\n`);
	assert.equal(syncReadme(syncReadme(stale)), syncReadme(stale));
});

test('the readme\'s column tables are the column definitions help shows (npm run readme regenerates them)', () => {
	assert.equal(readmeSections(readme).columns, columnsMarkdownTable());
	assert.match(columnsMarkdownTable(), /^\| FAILED \| Failures the job controller counts toward backoffLimit\. `0` until the first;/m);
});

test('the quick start is exactly the two commands CI runs, and they exist as scripts', () => {
	const quickStart = /## Quick start\n\n```sh\n([\s\S]*?)\n```/.exec(readme)?.[1]?.split('\n');
	assert.deepEqual(quickStart?.map((line) => line.replace(/\s+#.*$/, '')), ['npm ci && npm start', 'npm test']);
	assert.equal(packageJson.scripts['start'], 'npm run build --silent && node dist/kjobs.mjs --demo');
	const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
	assert.match(ci, /^npm ci$/m);
	assert.match(ci, /^\tif PATH="\$path" npm test >/m);
});

test('the readme names the Node.js versions CI tests, and engines allows the oldest', () => {
	const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
	const others = /^for major in ([\d ]+); do$/m.exec(ci)?.[1]?.split(' ');
	// The machine's own Node.js (20) runs first, then the versions scripts/node-versions.sh installs.
	assert.deepEqual(others, ['22', '24']);
	assert.match(readme, /tested on Node\.js 20, 22 and 24\./);
	assert.equal((packageJson as {engines?: {node?: string}}).engines?.node, '>=20.19');
});

test('the picture at the top is the recorded one', () => {
	assert.match(readme, /^# kjobs\n\n> .+\n\n!\[kjobs]\(media\/demo\.svg\)\n/);
	const svg = readFileSync(path.join(root, 'media', 'demo.svg'), 'utf8');
	assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
	assert.ok(svg.length < 300_000, `media/demo.svg is ${svg.length} bytes`);
});
