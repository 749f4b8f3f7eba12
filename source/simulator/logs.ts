/**
Container output in the simulated cluster. The kubelet appends lines as containers run; the API server's pods/log
endpoint reads them and follows new ones. A container instance is identified by pod uid, container name and
restart count, so `previous=true` can read the instance before the current one.
Lines are bytes: a container may print anything, and the simulator passes it through untouched.
*/

/** One line a container printed, without its newline, stamped with simulated time (epoch ms). */
export type LogLine = {readonly time: number; readonly data: Buffer};

type Instance = {lines: LogLine[]; ended: boolean; listeners: Set<(line: LogLine | undefined) => void>};

/** Options for reading a container's log. */
export type LogReadOptions = {sinceTime?: number; tailLines?: number};

/** Per-container-instance log buffers with followers. */
export class SimLogs {
	readonly #instances = new Map<string, Instance>();
	readonly #maxLines: number;
	/** Open follow streams, so tests can assert that a client closed every stream it opened. */
	openFollowers = 0;

	/** `maxLines` bounds each instance's buffer (oldest lines go first), so chatty pods do not grow memory forever. */
	constructor(maxLines = 50_000) {
		this.#maxLines = maxLines;
	}

	/** Appends a line to a container instance and wakes its followers. */
	append(podUid: string, container: string, restart: number, line: LogLine): void {
		const instance = this.#instance(podUid, container, restart);
		instance.lines.push(line);
		// Trim in chunks of a tenth: splicing one line off the front of a full buffer per append is quadratic.
		if (instance.lines.length > this.#maxLines + Math.ceil(this.#maxLines / 10)) {
			instance.lines.splice(0, instance.lines.length - this.#maxLines);
		}

		for (const listener of instance.listeners) {
			listener(line);
		}
	}

	/** Marks a container instance finished: followers get `undefined` and their streams end. */
	end(podUid: string, container: string, restart: number): void {
		const instance = this.#instance(podUid, container, restart);
		instance.ended = true;
		for (const listener of instance.listeners) {
			listener(undefined);
		}

		instance.listeners.clear();
	}

	/** True once the instance has finished. */
	ended(podUid: string, container: string, restart: number): boolean {
		return this.#instances.get(instanceKey(podUid, container, restart))?.ended ?? false;
	}

	/** True when the instance ever started (has a buffer). */
	has(podUid: string, container: string, restart: number): boolean {
		return this.#instances.has(instanceKey(podUid, container, restart));
	}

	/** The lines of an instance, filtered by sinceTime and cut to the last `tailLines`. */
	read(podUid: string, container: string, restart: number, options: LogReadOptions = {}): LogLine[] {
		let lines = this.#instances.get(instanceKey(podUid, container, restart))?.lines ?? [];
		if (options.sinceTime !== undefined) {
			const since = options.sinceTime;
			lines = lines.filter(line => line.time >= since);
		}

		if (options.tailLines !== undefined) {
			lines = options.tailLines <= 0 ? [] : lines.slice(-options.tailLines);
		}

		return lines;
	}

	/** Calls `listener` for each new line of an instance, and with `undefined` when it ends. Returns the unsubscribe. */
	follow(podUid: string, container: string, restart: number, listener: (line: LogLine | undefined) => void): () => void {
		const instance = this.#instance(podUid, container, restart);
		instance.listeners.add(listener);
		this.openFollowers++;
		let open = true;
		return () => {
			if (open) {
				open = false;
				this.openFollowers--;
				instance.listeners.delete(listener);
			}
		};
	}

	/** Forgets every instance of a pod (after the pod is gone and no follower remains). */
	forget(podUid: string): void {
		for (const [k, instance] of this.#instances) {
			if (k.startsWith(`${podUid}/`) && instance.listeners.size === 0) {
				this.#instances.delete(k);
			}
		}
	}

	#instance(podUid: string, container: string, restart: number): Instance {
		const k = instanceKey(podUid, container, restart);
		let instance = this.#instances.get(k);
		if (!instance) {
			instance = {lines: [], ended: false, listeners: new Set()};
			this.#instances.set(k, instance);
		}

		return instance;
	}
}

function instanceKey(podUid: string, container: string, restart: number): string {
	return `${podUid}/${container}/${restart}`;
}
