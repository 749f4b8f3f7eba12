/**
Writes only the lines that changed between Ink frames. Ink 6.8 erases and rewrites its whole frame on every update
(≈5.5 KB at 120×40 in colour), and its incremental mode misplaces lines (stack.md). kjobs draws a full-screen frame in
the alternate screen starting at the top-left cell, so each frame line has a fixed row: this wrapper takes Ink's
"erase the previous frame, print the new one" writes and turns them into cursor moves plus the changed lines.
Anything it does not recognise passes through untouched and makes the next frame a full redraw.
*/

/** The parts of a TTY write stream Ink uses. */
export type FrameStream = NodeJS.WriteStream;

const eraseFrame = /^(?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G/;
const clearTerminal = '\u001B[2J\u001B[3J\u001B[H';
const controlOnly = /^(?:\u001B\[[?\d;]*[A-Za-z])*$/;

/** Turns one full frame into the writes that change `previous` into it (row numbers are 1-based screen rows). */
export function frameDiff(previous: readonly string[], next: readonly string[]): string {
	let out = '';
	for (let i = 0; i < next.length; i++) {
		if (next[i] !== previous[i]) {
			out += `\u001B[${i + 1};1H${next[i]}\u001B[K`;
		}
	}

	if (next.length < previous.length) {
		out += `\u001B[${next.length + 1};1H\u001B[J`;
	}

	return out;
}

/** Frame lines as Ink prints them: the text split on newlines, without the empty piece after a final newline. */
function frameLines(text: string): string[] {
	const lines = text.split('\n');
	if (lines.length > 1 && lines.at(-1) === '') {
		lines.pop();
	}

	return lines;
}

/** A stdout for Ink's render() that forwards everything to `stream` but sends only changed frame lines. */
export function diffStdout(stream: FrameStream): FrameStream {
	let previous: string[] | undefined;
	const reset = () => {
		previous = undefined;
	};

	stream.on('resize', reset);
	const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const callback = rest.find(arg => typeof arg === 'function') as ((error?: Error | null) => void) | undefined;
		if (controlOnly.test(text) && !text.includes('\u001B[2K')) {
			return stream.write(text, callback);
		}

		let body: string | undefined;
		if (text.startsWith(clearTerminal)) {
			body = text.slice(clearTerminal.length);
		} else {
			const erase = eraseFrame.exec(text);
			body = erase ? text.slice(erase[0].length) : (previous === undefined ? text : undefined);
		}

		if (body === undefined || body === '' || body.includes('\u001B[2J')) {
			reset();
			return stream.write(text, callback);
		}

		const next = frameLines(body);
		// The first frame (or the first after a resize) is drawn whole, from the top-left cell.
		const out = previous === undefined ? `\u001B[H\u001B[J${next.map(line => `${line}\u001B[K`).join('\r\n')}` : frameDiff(previous, next);
		previous = next;
		return stream.write(out, callback);
	};

	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') {
				return write;
			}

			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
