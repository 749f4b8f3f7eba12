/**
The header's counts and per-kind watch summary.
*/
import type {StoreView, WatchKind, WatchState} from '../store/types.js';
import {countdown} from './countdown.js';
import {countedWords} from './job-counts.js';
import {printable} from './printable.js';

/**
The job counts: the total always (`42 jobs`), then running, pending, backing off, failed and suspended when non-zero,
e.g. `42 jobs · 3 running · 1 backing off · 2 failed`, from the live jobs' `total` and their `counts` per label
(job-counts.ts). Tombstones are not counted.
*/
export function headerCounts(total: number, counts: ReadonlyMap<string, number>): string {
	const parts = [`${total} ${total === 1 ? 'job' : 'jobs'}`];
	for (const {label} of countedWords) {
		const count = counts.get(label) ?? 0;
		if (count > 0) {
			parts.push(`${count} ${label}`);
		}
	}

	return parts.join(' · ');
}

const kinds: readonly WatchKind[] = ['jobs', 'cronjobs', 'pods', 'events'];

/** One kind's watch state in words: `jobs live`, `pods listing 1,500…`, `pods reconnecting — next try in 4s`, `events forbidden`. */
export function watchStateText(kind: WatchKind, state: WatchState, now: number): string {
	switch (state.phase) {
		case 'connecting': {
			return `${kind} connecting`;
		}

		case 'listing': {
			// Not `live` and no total: the header's count is only what has arrived so far.
			return `${kind} listing ${state.listed.toLocaleString('en-US')}…`;
		}

		case 'live': {
			return `${kind} live`;
		}

		case 'reconnecting': {
			const when = countdown(state.nextAttemptAt, now);
			return `${kind} reconnecting — ${when === 'due' ? 'trying now' : `next try ${when}`}`;
		}

		case 'forbidden': {
			return `${kind} forbidden`;
		}

		case 'failed': {
			return `${kind} failed: ${state.error}`;
		}
	}
}

/** Every watched kind's state, e.g. `jobs live · pods reconnecting — next try in 4s · events forbidden`. */
export function watchSummary(snapshot: StoreView, now: number): string {
	return kinds.map((kind) => watchStateText(kind, snapshot.watch[kind], now)).join(' · ');
}

/**
What is wrong with the connection, in one line, or undefined when every watch is live or still connecting: each
problem once, with the kinds it affects and, for reconnecting ones, the earliest next attempt, e.g.
`⚠ jobs, pods: cannot reach https://api.example.test:6443: connection refused — next try in 4s`.
*/
export function connectionProblem(snapshot: StoreView, now: number): string | undefined {
	const problems = new Map<string, {kinds: WatchKind[]; nextAttemptAt?: number}>();
	for (const kind of kinds) {
		const state = snapshot.watch[kind];
		const text = state.phase === 'reconnecting' ? state.error : (state.phase === 'forbidden' ? state.message : (state.phase === 'failed' ? state.error : undefined));
		if (text === undefined) {
			continue;
		}

		const problem = problems.get(text) ?? {kinds: []};
		problem.kinds.push(kind);
		if (state.phase === 'reconnecting') {
			problem.nextAttemptAt = Math.min(problem.nextAttemptAt ?? Number.POSITIVE_INFINITY, state.nextAttemptAt);
		}

		problems.set(text, problem);
	}

	if (problems.size === 0) {
		return undefined;
	}

	const parts = [...problems].map(([text, {kinds: names, nextAttemptAt}]) => {
		const retry = nextAttemptAt === undefined ? '' : ` — ${countdown(nextAttemptAt, now) === 'due' ? 'trying now' : `next try ${countdown(nextAttemptAt, now)}`}`;
		return `${names.join(', ')}: ${text}${retry}`;
	});
	return `⚠ ${parts.join(' · ')}`;
}

/** The header line's badges: `DEMO`, `READ-ONLY`, and the archive's word when it is on. */
export function headerBadges(info: {readonly demo: boolean; readonly readOnly: boolean; readonly archive?: string}): string[] {
	return [info.demo ? 'DEMO' : '', info.readOnly ? 'READ-ONLY' : '', info.archive ?? ''].filter(badge => badge !== '');
}

/**
What the header's first line says after the badges: `ctx C · ns N · -l S · filter "F" · SERVER`, the `-l` selector
and the filter only when set.
*/
export function headerScope(scope: {readonly context: string; readonly namespace: string | undefined; readonly selector?: string | undefined; readonly filter: string; readonly server: string}): string {
	// The selector and the filter stay in the header wherever the user goes (a detail screen opened from a filtered
	// list, the log pane), so a list that shows fewer rows than expected always says why.
	const selector = scope.selector === undefined || scope.selector === '' ? [] : [`-l ${printable(scope.selector)}`];
	const filter = scope.filter === '' ? [] : [`filter "${scope.filter}"`];
	return [`ctx ${scope.context}`, `ns ${scope.namespace ?? 'all'}`, ...selector, ...filter, scope.server].join(' · ');
}
