/**
The bottom line's note about objects the watchers skipped as malformed.
*/
import type {StoreView} from '../store/types.js';

/** E.g. `⚠ skipped 2 malformed objects: job batch/x: status.conditions is not a list (and 1 more)`, or undefined. */
export function malformedNotice(snapshot: StoreView): string | undefined {
	const skipped = snapshot.malformed ?? [];
	const first = skipped[0];
	if (first === undefined) {
		return undefined;
	}

	const more = skipped.length > 1 ? ` (and ${skipped.length - 1} more)` : '';
	return `⚠ skipped ${skipped.length} malformed object${skipped.length === 1 ? '' : 's'}: ${first.kind} ${first.name}: ${first.reason}${more}`;
}
