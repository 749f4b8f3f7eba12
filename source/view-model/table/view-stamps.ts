/**
A number for each store view an engine has seen, for caches that must tell whether they were filled from the very view
they are asked about. Holding the view itself would keep it alive: each view carries its change records, and caches
kept per job or per row held thousands of views from long ago (at 20,000 jobs under churn the heap grew by hundreds
of megabytes). The views are keys of a WeakMap here, so a number is all a cache keeps.
*/
import type {StoreView} from '../../store/types.js';

/** Numbers store views, the same number for the same view object, never reused. */
export class ViewStamps {
	readonly #stamps = new WeakMap<StoreView, number>();
	#last = 0;

	/** The view's number. */
	stamp(view: StoreView): number {
		let stamp = this.#stamps.get(view);
		if (stamp === undefined) {
			stamp = ++this.#last;
			this.#stamps.set(view, stamp);
		}

		return stamp;
	}
}
