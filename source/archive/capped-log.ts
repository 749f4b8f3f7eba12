/**
A run's log lines under a byte cap: the first half of the cap keeps the run's start, the second half a sliding window
of its end (where a failure usually says why); what falls between is counted, and the saved run says how much was
left out. Sizes count each entry's text in UTF-8 plus a small fixed cost for its other fields.
*/
import type {LogActivity, LogSink, NewLogEntry} from '../store/log-buffer.js';
import type {RunTruncation} from './types.js';

/** The default per-run cap. */
export const defaultRunMaxBytes = 20 * 1024 * 1024;

// What an entry's fields other than its text cost in the run file, roughly.
const entryOverhead = 96;

function sizeOf(entry: NewLogEntry): number {
	const text = entry.kind === 'separator' ? entry.label : entry.text;
	return Buffer.byteLength(text, 'utf8') + entryOverhead;
}

/** A log sink that keeps a run's head and tail within `capBytes`. */
export class CappedLog implements LogSink {
	readonly #capBytes: number;
	readonly #head: NewLogEntry[] = [];
	#headBytes = 0;
	#tail: NewLogEntry[] = [];
	#tailStart = 0;
	#tailBytes = 0;
	#droppedLines = 0;
	#droppedBytes = 0;
	#count = 0;

	/** Creates an empty log capped at `capBytes`. */
	constructor(capBytes: number) {
		this.#capBytes = Math.max(1024, capBytes);
	}

	/** Adds an entry; returns how many entries were appended so far. */
	append(entry: NewLogEntry): number {
		const size = sizeOf(entry);
		this.#count++;
		if (this.#droppedLines === 0 && this.#tail.length === this.#tailStart && this.#headBytes + size <= this.#capBytes / 2) {
			this.#head.push(entry);
			this.#headBytes += size;
			return this.#count;
		}

		this.#tail.push(entry);
		this.#tailBytes += size;
		while (this.#tailBytes > this.#capBytes / 2 && this.#tailStart < this.#tail.length) {
			const gone = this.#tail[this.#tailStart++]!;
			const goneSize = sizeOf(gone);
			this.#tailBytes -= goneSize;
			this.#droppedLines++;
			this.#droppedBytes += goneSize;
		}

		// Compact now and then so the dropped front does not pile up.
		if (this.#tailStart > 1024 && this.#tailStart * 2 > this.#tail.length) {
			this.#tail = this.#tail.slice(this.#tailStart);
			this.#tailStart = 0;
		}

		return this.#count;
	}

	/** The archive has no status line: activity is not kept. */
	setActivity(_activity: LogActivity): void {}

	/** The kept entries (with a marker where lines were left out) and the truncation, if any. */
	result(): {readonly logs: NewLogEntry[]; readonly truncated?: RunTruncation} {
		const tail = this.#tail.slice(this.#tailStart);
		if (this.#droppedLines === 0) {
			return {logs: [...this.#head, ...tail]};
		}

		const truncated = {lines: this.#droppedLines, bytes: this.#droppedBytes, capBytes: this.#capBytes};
		const marker: NewLogEntry = {
			kind: 'marker', podUid: '', podName: '', tag: '', severity: 'warning',
			text: `${truncated.lines} log entries (about ${truncated.bytes} bytes) left out here: the run passed the archive's cap of ${truncated.capBytes} bytes per run`,
		};
		return {logs: [...this.#head, marker, ...tail], truncated};
	}
}
