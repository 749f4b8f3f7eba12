import assert from 'node:assert/strict';
import {test} from 'node:test';
import {followJobLogs, followPodLogs} from '../../source/cluster/logs/streams.js';
import {LogBuffer} from '../../source/store/log-buffer.js';
import {initialLogPaneState, logPaneReducer} from '../../source/state/log-pane/reducer.js';
import {logView} from '../../source/view-model/logs/view.js';
import {advanceUntilLines, createJob, createJobPod, fileLogWorld, logSubject, print, quickBackoff, submitJob, texts, until} from '../helpers/logs.js';

// Colours on, so the check below sees Ink's own SGR codes and can tell them from anything the pod sent.
process.env['FORCE_COLOR'] = '1';
const {render} = await import('ink-testing-library');
const {LogPane} = await import('../../source/components/log-pane.js');

const world = await fileLogWorld();

// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[[\d;]*m/g;
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

test('a hostile log reaches the terminal with no escape sequence or control byte of its own', async () => {
	const job = createJob(world, 'evil');
	const pod = createJobPod(world, job, 'evil-aaaaa');
	const hostile = [
		Buffer.from('copy \u001B]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007 done'),
		Buffer.from('\u001B]0;owned title\u0007\u001B]2;another\u001B\\title'),
		Buffer.from('\u001B[2J\u001B[3J\u001B[H\u001B[5;10Hcursor moved\u001B[?1049h'),
		Buffer.from('progress 10%\rprogress 100%'),
		Buffer.from([0x6E, 0x75, 0x6C, 0x00, 0x3A, 0xFF, 0xFE, 0xC3, 0x28, 0x9B, 0x33, 0x31, 0x6D, 0x07]),
		Buffer.from('\u001B[1;31mreal red\u001B[0m and \u009B2J 8-bit CSI'),
	];
	for (const line of hostile) {
		print(world, pod, line);
	}

	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	const session = followPodLogs(world.kc, world.store, logSubject(pod), buffer, {clock: world.clock, backoffMs: quickBackoff});
	await until(world, buffer, () => texts(buffer).length === hostile.length);
	const view = logView(buffer.getSnapshot(), initialLogPaneState(), 70, 8);
	const {lastFrame, frames, unmount} = render(<LogPane view={view} width={70} height={8}/>);
	const output = frames.join('\n');
	assert.ok(output.includes('\u001B['), 'colours are on, so the check is meaningful');
	assert.ok(!forbidden.test(output.replaceAll(sgr, '')), JSON.stringify(output.replaceAll(sgr, '')));
	assert.ok(!output.replaceAll(sgr, '').includes('\u001B'));
	assert.deepEqual(lastFrame()!.replaceAll(sgr, '').split('\n').map(line => line.trimEnd()), [
		'copy ␛]52… done',
		'␛]0…␛]2…title',
		'␛[2J␛[3J␛[H␛[5;10Hcursor moved␛[?1049h',
		'progress 100%',
		// 0x9B alone is not UTF-8: it arrives as U+FFFD, so it never acts as an 8-bit CSI.
		'nul^@:\uFFFD\uFFFD\uFFFD(\uFFFD31m^G',
		'real red and ␛[2J 8-bit CSI',
		'',
		'following · tail 1000',
	]);
	// The pod's red survives, translated: Ink writes its own SGR for it.
	assert.ok(lastFrame()!.includes('\u001B[31m\u001B[1mreal red') || lastFrame()!.includes('\u001B[1m\u001B[31mreal red'), JSON.stringify(lastFrame()));
	unmount();
	session.close();
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
});

test('the pane following a retrying job: coloured attempt tags, separators, status', async () => {
	const job = await submitJob(world, 'pi', 2, {
		'sim.kjobs.io/run-seconds': '2',
		'sim.kjobs.io/exit-code': '1',
		'sim.kjobs.io/log': 'computing pi, attempt {attempt}\nout of memory',
	});
	await world.sim.advance(1000);
	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	const session = followJobLogs(world.kc, world.store, logSubject(job), buffer, {clock: world.clock, backoffMs: quickBackoff});
	await advanceUntilLines(world, buffer, 6);
	let state = initialLogPaneState();
	state = logPaneReducer(state, {type: 'toggle-timestamps'});
	const view = logView(buffer.getSnapshot(), state, 72, 11);
	const {lastFrame, unmount} = render(<LogPane view={view} width={72} height={12} title='Logs · job pi · 3 pods'/>);
	const screen = lastFrame()!.replaceAll(sgr, '').split('\n').map(line => line.trimEnd());
	const pods = buffer.getSnapshot().entries.flatMap(entry => (entry.kind === 'separator' ? [entry.podName] : []));
	assert.equal(pods.length, 3);
	assert.deepEqual(screen.map(line => line.replaceAll(/\d\d:\d\d:\d\d(\.\d{3})?/g, 'hh:mm:ss')).map(line => pods.reduce((text, name, i) => text.replace(name, `pod-${i + 1}`), line).replace(/ ─{3,}$/, ' ───')), [
		'Logs · job pi · 3 pods',
		'#1 ── attempt 1 · pod-1 · started hh:mm:ss ───',
		'#1 hh:mm:ss computing pi, attempt 1',
		'#1 hh:mm:ss out of memory',
		'#2 ── attempt 2 · pod-2 · started hh:mm:ss ───',
		'#2 hh:mm:ss computing pi, attempt 2',
		'#2 hh:mm:ss out of memory',
		'#3 ── attempt 3 · pod-3 · started hh:mm:ss ───',
		'#3 hh:mm:ss computing pi, attempt 3',
		'#3 hh:mm:ss out of memory',
		'',
		'following · tail 1000 · time',
	]);
	// Each attempt's tag has its own colour: cyan, magenta, yellow.
	const raw = lastFrame()!;
	assert.ok(raw.includes('\u001B[36m\u001B[1m#1') || raw.includes('\u001B[1m\u001B[36m#1'), JSON.stringify(raw.slice(0, 300)));
	assert.ok(raw.includes('\u001B[35m\u001B[1m#2') || raw.includes('\u001B[1m\u001B[35m#2'));
	// The screen for the closing note.
	console.log(`# ${screen.join('\n# ')}`);
	unmount();
	session.close();
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
	assert.equal(world.sim.openLogStreams(), 0);
});
