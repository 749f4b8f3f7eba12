/**
What an empty list view says instead of rows: why it is empty, so a mistyped namespace, a filter that matches
nothing, hidden completed jobs, missing access and a list still loading do not all look like "nothing here".
*/
import type {StoreView} from '../store/types.js';
import type {TableQuery, ViewId} from './table/types.js';

const nouns: Record<ViewId, string> = {jobs: 'jobs', cronjobs: 'cron jobs', pods: 'pods'};

/** The line an empty `view` shows, e.g. `namespace "typo" does not exist — :ns NAME switches, :ns all shows every namespace`. */
export function emptyTableText(view: ViewId, snapshot: StoreView, query: TableQuery): string {
	const noun = nouns[view];
	if (snapshot.missingNamespace !== undefined) {
		return `namespace "${snapshot.missingNamespace}" does not exist — :ns NAME switches, :ns all shows every namespace`;
	}

	const state = snapshot.watch[view];
	if (state.phase === 'connecting' || state.phase === 'listing') {
		return `loading ${noun}…`;
	}

	if (state.phase === 'forbidden') {
		return `${noun} cannot be listed here (forbidden)`;
	}

	if (query.filter.trim() !== '') {
		return `no ${noun} match "${query.filter.trim()}"`;
	}

	if (query.hideCompleted && view !== 'cronjobs') {
		return `no ${noun} besides completed ones, which are hidden`;
	}

	return `no ${noun}`;
}
