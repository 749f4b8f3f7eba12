/**
Bytes from a pods/log response to timestamped lines. The API is always asked for `timestamps=true`, so every line
starts with the kubelet's RFC 3339 stamp; the stamp is what lets a broken stream resume with `sinceTime` and drop the
lines it already delivered.
*/
import {Writable} from 'node:stream';

/** A line as received: its timestamp (when it had one) and its bytes decoded as UTF-8 (invalid bytes become U+FFFD). */
export type ReceivedLine = {readonly time?: number; readonly timeText?: string; readonly key?: string; readonly text: string; readonly cut: number};

const stampPattern = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/**
Parses a kubelet timestamp into epoch ms and a key that sorts by the full nanosecond precision (RFC3339Nano trims
trailing zeros, so the text itself does not sort).
*/
function parseLogStamp(text: string): {time: number; key: string} | undefined {
	const match = stampPattern.exec(text);
	if (!match) {
		return undefined;
	}

	const fraction = (match[2] ?? '').padEnd(9, '0');
	const seconds = Date.parse(`${match[1]!}${match[3]!}`);
	if (Number.isNaN(seconds)) {
		return undefined;
	}

	const time = seconds + Number(fraction.slice(0, 3));
	return {time, key: `${String(seconds).padStart(16, '0')}.${fraction}`};
}

const decoder = new TextDecoder('utf-8', {fatal: false});

/** Splits one line (without its newline) into stamp and text. */
export function parseReceivedLine(bytes: Buffer, cut: number): ReceivedLine {
	const space = bytes.indexOf(0x20);
	if (space > 0 && space <= 40) {
		const timeText = bytes.subarray(0, space).toString('latin1');
		const stamp = parseLogStamp(timeText);
		if (stamp) {
			return {time: stamp.time, timeText, key: stamp.key, text: decoder.decode(bytes.subarray(space + 1)), cut};
		}
	}

	return {text: decoder.decode(bytes), cut};
}

/**
A Writable that cuts a byte stream into lines. A line longer than `maxLineBytes` keeps its first bytes and counts the
rest, so binary output without newlines cannot grow memory. A partial last line is delivered only on a clean end:
after a broken connection it is fetched again from its timestamp.
*/
export class LineSplitter extends Writable {
	readonly #onLine: (line: ReceivedLine) => void;
	readonly #max: number;
	#parts: Buffer[] = [];
	#length = 0;
	#cut = 0;

	constructor(onLine: (line: ReceivedLine) => void, maxLineBytes = 65_536) {
		super();
		this.#onLine = onLine;
		this.#max = maxLineBytes;
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		let start = 0;
		while (start < chunk.length) {
			const newline = chunk.indexOf(0x0A, start);
			const end = newline === -1 ? chunk.length : newline;
			this.#keep(chunk.subarray(start, end));
			if (newline === -1) {
				break;
			}

			this.#emit();
			start = newline + 1;
		}

		callback();
	}

	override _final(callback: (error?: Error | null) => void): void {
		if (this.#length > 0 || this.#cut > 0) {
			this.#emit();
		}

		callback();
	}

	#keep(part: Buffer): void {
		const room = Math.max(0, this.#max - this.#length);
		if (part.length > room) {
			this.#cut += decodedLength(part.subarray(room));
			part = part.subarray(0, room);
		}

		if (part.length > 0) {
			this.#parts.push(Buffer.from(part));
			this.#length += part.length;
		}
	}

	#emit(): void {
		let bytes = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts);
		let cut = this.#cut;
		if (cut > 0) {
			// The cap may fall inside a character: its first bytes go too (not shown as U+FFFD), and it counts as cut.
			const split = splitCharacter(bytes);
			if (split) {
				bytes = bytes.subarray(0, split.at);
				cut += split.length;
			}
		}

		this.#parts = [];
		this.#length = 0;
		this.#cut = 0;
		this.#onLine(parseReceivedLine(bytes, cut));
	}
}

/**
How long UTF-8 bytes are once decoded, in the units a string's length counts (UTF-16): one per character start, two for
a character beyond the basic plane. The part of a line that is cut off is never decoded, yet its note counts characters,
as everything else the pane measures does, not bytes.
*/
function decodedLength(bytes: Buffer): number {
	let length = 0;
	for (const byte of bytes) {
		if ((byte & 0xC0) !== 0x80) {
			length += byte >= 0xF0 ? 2 : 1;
		}
	}

	return length;
}

/** Where an incomplete character at the end of `bytes` starts, and its length once decoded; undefined when none. */
function splitCharacter(bytes: Buffer): {at: number; length: number} | undefined {
	for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 4); at--) {
		const byte = bytes[at]!;
		if ((byte & 0xC0) === 0x80) {
			continue;
		}

		const needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
		return bytes.length - at < needed ? {at, length: needed === 4 ? 2 : 1} : undefined;
	}

	return undefined;
}

/**
Drops the lines a resumed stream repeats. The API resends every line stamped at or after `sinceTime`; the tracker
remembers the newest key seen and how many lines carried it, and skips exactly those on the next connection.
*/
export class ResumeTracker {
	#lastKey: string | undefined;
	#countAtLast = 0;
	#skipKey: string | undefined;
	#skipLeft = 0;

	/** The time to resume from (epoch ms of the newest line), or undefined before any stamped line. */
	lastTime: number | undefined;

	/** Starts a new connection that resumes from the newest line seen. */
	resume(): void {
		this.#skipKey = this.#lastKey;
		this.#skipLeft = this.#countAtLast;
	}

	/** Whether a received line is new; updates the position when it is. */
	accept(line: ReceivedLine): boolean {
		if (line.key !== undefined && this.#skipKey !== undefined) {
			if (line.key < this.#skipKey) {
				return false;
			}

			if (line.key === this.#skipKey && this.#skipLeft > 0) {
				this.#skipLeft--;
				return false;
			}

			this.#skipKey = undefined;
		}

		if (line.key !== undefined) {
			if (line.key === this.#lastKey) {
				this.#countAtLast++;
			} else {
				this.#lastKey = line.key;
				this.#countAtLast = 1;
			}

			this.lastTime = line.time;
		}

		return true;
	}
}
