import assert from 'node:assert/strict';
import test from 'node:test';
import {parseScreen} from '../../media/ansi-parse.js';
import {colourHex, escapeXml, renderFrameBody, renderSvg} from '../../media/svg-render.js';

test('a capture parses into runs, with the style carried over to the next line as tmux writes it', () => {
	const lines = parseScreen('\u001B[1m\u001B[36mkjobs \u001B[0;7m\u001B[33m DEMO \u001B[0m ok\nstill plain\n\u001B[32mbatch ✓✓ done');
	assert.deepEqual(lines[0], [
		{col: 0, width: 6, text: 'kjobs ', style: {bold: true, color: 'cyan'}},
		{col: 6, width: 6, text: ' DEMO ', style: {inverse: true, color: 'yellow'}},
		{col: 12, width: 3, text: ' ok', style: {}},
	]);
	assert.deepEqual(lines[1], [{col: 0, width: 11, text: 'still plain', style: {}}]);
	assert.deepEqual(lines[2], [{col: 0, width: 13, text: 'batch ✓✓ done', style: {color: 'green'}}]);
});

test('wide characters take two columns and non-SGR escapes are skipped', () => {
	const [line] = parseScreen('\u001B]8;;http://x\u0007日本\u001B[?25hx');
	assert.deepEqual(line, [{col: 0, width: 5, text: '日本x', style: {}}]);
});

test('the 16 colours become the picture palette', () => {
	assert.equal(colourHex('green'), '#3fb950');
	assert.equal(colourHex('whiteBright'), '#ffffff');
});

test('XML special characters are escaped', () => {
	assert.equal(escapeXml('<a & "b" \'c\'>'), '&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
});

test('a frame anchors each ASCII stretch and each symbol at its column, and inverse swaps the colours', () => {
	const body = renderFrameBody(parseScreen('\u001B[7m\u001B[32mok <x> ✓\u001B[0m  a&b'), 30);
	assert.equal(body, '<rect x="12" y="40" width="62.4" height="17" fill="#3fb950"/>'
		+ '<text y="52.9"><tspan x="12" textLength="46.8" fill="#0d1117">ok &lt;x&gt;</tspan>'
		+ '<tspan x="66.6" fill="#0d1117">✓</tspan><tspan x="90" textLength="23.4">a&amp;b</tspan></text>');
});

test('the SVG shows each distinct frame for its time in a loop, merging repeats', () => {
	const frame = (text: string, duration: number) => ({lines: parseScreen(text), duration});
	const svg = renderSvg([frame('one', 1000), frame('one', 1000), frame('two', 2000)], {cols: 10, rows: 2, title: 'a <demo>'});
	assert.equal((svg.match(/<g id="f\d+" class="f">/g) ?? []).length, 2);
	assert.match(svg, /animation-duration:4000ms/);
	assert.match(svg, /@keyframes k0\{0%\{visibility:visible\}50%\{visibility:hidden\}\}/);
	assert.match(svg, /@keyframes k1\{0%\{visibility:hidden\}50%\{visibility:visible\}100%\{visibility:visible\}\}/);
	assert.match(svg, /width="102" height="86"/);
	assert.match(svg, />a &lt;demo&gt;<\/text>/);
});

test('a single frame is drawn without animation', () => {
	const svg = renderSvg([{lines: parseScreen('still'), duration: 1000}], {cols: 10, rows: 1, title: 't'});
	assert.doesNotMatch(svg, /@keyframes|class="f"/);
	assert.match(svg, /<g id="f0"><text y="52.9"><tspan x="12" textLength="39">still<\/tspan><\/text><\/g>/);
});
