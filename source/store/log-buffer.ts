/**
A bounded ring buffer of log entries for one log pane. Streams append at any rate; readers get coalesced notifications
(at most one per interval), so a chatty pod cannot flood the renderer, and memory stays bounded by the line capacity
times the per-line cap.
*/
import type {Clock} from './clock.js';

/** Fields every entry carries. `seq` grows by one per entry for the life of the buffer and is the React key. */
type EntryBase = {
	readonly seq: number;
	readonly podUid: string;
	readonly podName: string;
	/** The short pod tag: `#3` (attempt 3) or `i2` (index 2); empty for a single pod. */
	readonly tag: string;
};

/** One line a container printed. */
export type LogLineEntry = EntryBase & {
	readonly kind: 'line';
	readonly container: string;
	/** The API timestamp in epoch ms, when the line had one. */
	readonly time?: number;
	/** The API timestamp as sent (RFC 3339 with up to nine fraction digits), for display and saving. */
	readonly timeText?: string;
	/** The line as decoded (invalid UTF-8 became U+FFFD), NOT sanitized: never write it to a terminal as is. */
	readonly text: string;
	/** Characters cut off the end of an over-long line before storing it (0 when whole). */
	readonly cut: number;
};

/** A rule marking where a pod (an attempt or an index) or a container restart begins. */
export type LogSeparatorEntry = EntryBase & {
	readonly kind: 'separator';
	/** `attempt 3`, `index 2`, `restart 1 of main`. */
	readonly label: string;
	/** When the pod (or container) started, epoch ms. */
	readonly startedAt?: number;
};

/** A notice about the stream rather than the pod's output: `pod deleted`, a gap, an error. */
export type LogMarkerEntry = EntryBase & {
	readonly kind: 'marker';
	readonly text: string;
	readonly severity: 'info' | 'warning' | 'error';
};

/** Anything the pane shows. */
export type LogEntry = LogLineEntry | LogSeparatorEntry | LogMarkerEntry;

/** An entry before the buffer numbers it. */
export type NewLogEntry = Omit<LogLineEntry, 'seq'> | Omit<LogSeparatorEntry, 'seq'> | Omit<LogMarkerEntry, 'seq'>;

/** What the pane's streams are doing, for the status line. */
export type LogActivity = {readonly following: number; readonly reconnecting: number; readonly errors: readonly string[]};

/** One consistent view of the buffer. Entries run oldest first. */
export type LogBufferSnapshot = {
	readonly version: number;
	readonly entries: readonly LogEntry[];
	/** Entries pushed out of the top since the buffer was created or cleared. */
	readonly dropped: number;
	/** The seq the next entry will get (so `nextSeq - 1` is the newest). */
	readonly nextSeq: number;
	readonly activity: LogActivity;
	/** Every container name seen, and the longest pod tag: kept as entries arrive so a frame need not scan them. */
	readonly containers: ReadonlySet<string>;
	readonly tagWidth: number;
};

/** How a buffer is sized and how often it notifies. */
export type LogBufferOptions = {
	/** Entries kept; older ones drop from the top. @default 10000 */
	capacity?: number;
	/** Longest line kept, in UTF-16 units; the rest is cut and counted. @default 16384 */
	maxLineLength?: number;
	/** Minimum time between notifications. @default 100 */
	notifyIntervalMs?: number;
	/** The app clock, whose timer spaces the notifications out. */
	clock: Clock;
};

/** The default number of entries a pane keeps. */
export const defaultLogCapacity = 10_000;

/** What a log stream writes to: the pane's LogBuffer, or any other sink (the archive's capture). */
export type LogSink = {
	append(entry: NewLogEntry): number;
	setActivity(activity: LogActivity): void;
};

/** A ring buffer of log entries with coalesced change notifications. */
export class LogBuffer implements LogSink {
	readonly capacity: number;
	readonly maxLineLength: number;
	readonly #ring: Array<LogEntry | undefined>;
	readonly #interval: number;
	readonly #clock: Clock;
	readonly #listeners = new Set<() => void>();
	#start = 0;
	#size = 0;
	#dropped = 0;
	#nextSeq = 1;
	#version = 0;
	#cancelTimer: (() => void) | undefined;
	#snapshot: LogBufferSnapshot | undefined;
	#activity: LogActivity = {following: 0, reconnecting: 0, errors: []};
	#containers = new Set<string>();
	#tagWidth = 0;

	constructor(options: LogBufferOptions) {
		this.capacity = Math.max(1, Math.floor(options.capacity ?? defaultLogCapacity));
		this.maxLineLength = Math.max(1, options.maxLineLength ?? 16_384);
		this.#interval = options.notifyIntervalMs ?? 100;
		this.#clock = options.clock;
		this.#ring = Array.from({length: this.capacity});
	}

	/** Appends an entry (cutting an over-long line) and returns its seq. */
	append(entry: NewLogEntry): number {
		const seq = this.#nextSeq++;
		let stored: LogEntry;
		if (entry.kind === 'line' && entry.text.length > this.maxLineLength) {
			stored = {...entry, seq, text: entry.text.slice(0, this.maxLineLength), cut: entry.cut + entry.text.length - this.maxLineLength};
		} else {
			stored = {...entry, seq} as LogEntry;
		}

		if (stored.kind === 'line' && !this.#containers.has(stored.container)) {
			this.#containers = new Set([...this.#containers, stored.container]);
		}

		this.#tagWidth = Math.max(this.#tagWidth, stored.tag.length);
		if (this.#size < this.capacity) {
			this.#ring[(this.#start + this.#size) % this.capacity] = stored;
			this.#size++;
		} else {
			// Full: overwrite the oldest slot and move the start past it.
			this.#ring[this.#start] = stored;
			this.#start = (this.#start + 1) % this.capacity;
			this.#dropped++;
		}

		this.#changed();
		return seq;
	}

	/** Reports what the streams are doing (shown in the status line). */
	setActivity(activity: LogActivity): void {
		this.#activity = activity;
		this.#changed();
	}

	/** Forgets every entry and the dropped count (a new since preset); seq keeps growing so keys stay unique. */
	clear(): void {
		this.#ring.fill(undefined);
		this.#start = 0;
		this.#size = 0;
		this.#dropped = 0;
		this.#containers = new Set();
		this.#tagWidth = 0;
		this.#changed();
	}

	/** The entries now held, oldest first, with the dropped count. Cached until the next change. */
	getSnapshot(): LogBufferSnapshot {
		if (!this.#snapshot) {
			const entries: LogEntry[] = [];
			for (let i = 0; i < this.#size; i++) {
				entries.push(this.#ring[(this.#start + i) % this.capacity]!);
			}

			this.#snapshot = {version: this.#version, entries, dropped: this.#dropped, nextSeq: this.#nextSeq, activity: this.#activity, containers: this.#containers, tagWidth: this.#tagWidth};
		}

		return this.#snapshot;
	}

	/** Subscribes to coalesced change notifications. Returns the unsubscribe function. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}

	/** Delivers a pending notification now. */
	flush(): void {
		this.#cancelTimer?.();
		this.#cancelTimer = undefined;

		for (const listener of [...this.#listeners]) {
			listener();
		}
	}

	/** Cancels the pending notification and drops listeners. */
	dispose(): void {
		this.#cancelTimer?.();
		this.#cancelTimer = undefined;

		this.#listeners.clear();
	}

	#changed(): void {
		this.#version++;
		this.#snapshot = undefined;
		// One timer per interval however many entries arrive: this is what keeps a 10k lines/s pod from re-rendering 10k times.
		if (this.#cancelTimer === undefined && this.#listeners.size > 0) {
			this.#cancelTimer = this.#clock.setTimer(() => {
				this.#cancelTimer = undefined;
				this.flush();
			}, this.#interval);
		}
	}
}
