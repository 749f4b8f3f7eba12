/**
Notifications when jobs end, for the watch screen: it follows the live store and, when a job it has seen running
finishes, rings the bell and sends a desktop notification through the terminal (terminal/notify.ts) — for failed jobs
(`--notify failed`, the default), every job (`all`) or none (`off`), and always for the jobs the user marked with the
notify key. Only a job seen unfinished and then finished counts, so opening kjobs, switching namespace or relisting
after a dropped watch never announces jobs that were already done. A wave of ends is one message: the first goes out
at once, the ones after it within the quiet interval are gathered into one message at its end.
*/
import {isJobFinished} from '../kube/job-state.js';
import type {Clock} from '../store/clock.js';
import type {ResourceStore, StoreView} from '../store/types.js';
import {type JobEnd, jobEnd, noticeText} from '../view-model/notify/job-end.js';
import {notificationBytes, type NotifyTerminal} from '../terminal/notify.js';

/** Which ends are announced without a mark. */
export type NotifyPolicy = 'failed' | 'all' | 'off';

/** How to notify. */
export type NotifierOptions = {
	readonly store: ResourceStore;
	readonly clock: Clock;
	readonly policy: NotifyPolicy;
	readonly terminal: NotifyTerminal;
	/** Sends bytes to the terminal (past the screen's frame writer: these bytes are not a frame). */
	readonly write: (bytes: string) => void;
	/** The quiet interval after a message during which further ends are gathered. @default 10000 */
	readonly quietMs?: number;
};

/** The running notifier. */
export type Notifier = {
	/** Marks a job to be announced however it ends (whatever the policy), or unmarks it; returns whether it is marked now. */
	toggle(uid: string): boolean;
	isMarked(uid: string): boolean;
	stop(): void;
};

/** Starts following the store. */
export function createNotifier(options: NotifierOptions): Notifier {
	const {store, clock} = options;
	const quietMs = options.quietMs ?? 10_000;
	const unfinished = new Set<string>();
	const marked = new Set<string>();
	let waiting: JobEnd[] = [];
	let quietUntil = Number.NEGATIVE_INFINITY;
	let cancelFlush: (() => void) | undefined;

	const send = (ends: readonly JobEnd[]) => {
		const {title, body} = noticeText(ends);
		options.write(notificationBytes(title, body, options.terminal));
		quietUntil = clock.now() + quietMs;
	};

	const flush = () => {
		cancelFlush = undefined;
		const ends = waiting;
		waiting = [];
		if (ends.length > 0) {
			send(ends);
		}
	};

	const announce = (end: JobEnd) => {
		if (clock.now() >= quietUntil && cancelFlush === undefined) {
			send([end]);
			return;
		}

		waiting.push(end);
		cancelFlush ??= clock.setTimer(flush, Math.max(0, quietUntil - clock.now()));
	};

	const wanted = (end: JobEnd) => marked.has(end.uid) || options.policy === 'all' || (options.policy === 'failed' && end.outcome === 'failed');

	const look = (view: StoreView, uid: string) => {
		const job = view.jobs.get(uid);
		if (job === undefined) {
			// Deleted (or out of scope after a switch): forget it, its mark too.
			unfinished.delete(uid);
			marked.delete(uid);
			return;
		}

		if (!isJobFinished(job)) {
			unfinished.add(uid);
			return;
		}

		if (unfinished.delete(uid)) {
			const end = jobEnd(job, view);
			if (wanted(end)) {
				announce(end);
			}
		}
	};

	const onChange = () => {
		const view = store.getSnapshot();
		const {changes} = view;
		const uids = changes.full ? new Set([...view.jobs.keys(), ...unfinished]) : changes.jobs;
		for (const uid of uids) {
			look(view, uid);
		}
	};

	const unsubscribe = store.subscribe(onChange);
	onChange();
	return {
		toggle(uid) {
			if (marked.delete(uid)) {
				return false;
			}

			marked.add(uid);
			return true;
		},
		isMarked: uid => marked.has(uid),
		stop() {
			unsubscribe();
			cancelFlush?.();
			cancelFlush = undefined;
		},
	};
}
