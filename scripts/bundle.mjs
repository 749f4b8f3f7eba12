/**
Builds the one-file program `dist/kjobs.mjs` with esbuild, and beside it `dist/licenses.txt`: the licence text of every
package whose code the bundle holds, as their licences ask of anyone who ships them. The list comes from esbuild's own
record of the files it bundled, so a new dependency is listed as soon as its code is in the bundle.

Options: `--outfile=PATH` (default dist/kjobs.mjs; the licences go beside it) and `--metafile=PATH` (writes esbuild's
record there too, for tests).
*/
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const option = name => process.argv.find(argument => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const outfile = path.resolve(option('outfile') ?? path.join(root, 'dist/kjobs.mjs'));
const metafilePath = option('metafile');

// The standard texts of the two licences a package may declare without shipping a file (see packageLicense).
const standardTexts = {
	MIT: `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`,
	ISC: `Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.`,
};

const result = await build({
	absWorkingDir: root,
	entryPoints: ['source/bin.ts'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20.19',
	minify: true,
	keepNames: true,
	legalComments: 'eof',
	// Ink imports its devtools only when DEV is set; the file is not shipped.
	external: ['./devtools.js'],
	// node-fetch's tr46 requires "punycode": from the bundle (outside node_modules) Node 22+ would warn that the built-in is
	// deprecated, so the npm package of the same name is bundled in its place.
	alias: {punycode: 'punycode/'},
	define: {'process.env.NODE_ENV': '"production"'},
	logOverride: {'assign-to-define': 'silent'},
	// Some bundled CommonJS code calls require() for node's built-ins; an ES module has none of its own.
	banner: {js: "import {createRequire as kjobsRequire} from 'node:module'; const require = kjobsRequire(import.meta.url);"},
	logLevel: 'warning',
	metafile: true,
	outfile,
});

if (metafilePath) {
	writeFileSync(metafilePath, JSON.stringify(result.metafile));
}

writeFileSync(path.join(path.dirname(outfile), 'licenses.txt'), licenseText(bundledPackages(Object.keys(result.metafile.inputs))));

/** The folders of the packages whose files are among `inputs` (paths relative to the repository), sorted by name. */
function bundledPackages(inputs) {
	const folders = new Set();
	for (const input of inputs) {
		// The last node_modules segment names the package that owns the file (nested copies included).
		const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
		if (match) {
			folders.add(match[1]);
		}
	}

	return [...folders].map(folder => {
		const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8'));
		const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
		return {folder, name: manifest.name, version: manifest.version, license: manifest.license ?? 'no licence declared', author};
	}).filter((entry, index, all) => all.findIndex(other => other.name === entry.name && other.version === entry.version) === index)
		.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The notices file: a heading, then each package's name, version, SPDX id and its licence text. */
function licenseText(packages) {
	const sections = packages.map(entry => `${entry.name}@${entry.version} (${entry.license})\n\n${packageLicense(entry)}\n`);
	const heading = `kjobs bundles code from the ${packages.length} packages below. Each is listed with its version, its licence and the licence text.\n`;
	return [heading, ...sections].join(`\n${'-'.repeat(80)}\n\n`);
}

/**
The licence text a package ships. A few small packages publish none beside their code but declare MIT or ISC in
package.json: for those the standard text of that licence is given with the author package.json names, and says so.
Any other package without a licence file stops the build, so nobody ships code whose terms were not looked at.
*/
function packageLicense({folder, name, version, license, author}) {
	const file = readdirSync(path.join(root, folder)).find(entry => /^(un)?(licen[cs]e|copying)(\.|-|$)/i.test(entry));
	if (file) {
		return readFileSync(path.join(root, folder, file), 'utf8').trim();
	}

	const standard = standardTexts[license];
	if (!standard || !author) {
		throw new Error(`${name}@${version} ships no licence file and declares "${license}"; its code is in the bundle, so find its licence terms before shipping it`);
	}

	return `(The package ships no licence file; this is the standard ${license} text with the author its package.json names.)\n\nCopyright (c) ${author}\n\n${standard}`;
}
