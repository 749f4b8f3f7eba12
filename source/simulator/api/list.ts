/**
Lists with chunking: the first page takes a snapshot of every matching object, later pages (`continue`) read from the
same snapshot, so all pages report the same resourceVersion and no object is skipped or repeated.
*/
import type {KubeObject} from '../../kube/types.js';
import type {ObjectFilter} from './selectors.js';
import {badRequest} from './status.js';
import {SimError, type SimKind, type SimStore} from '../store.js';

type Snapshot = {rv: number; items: readonly KubeObject[]; key: string};

/** One page of a list. */
export type ListPage = {items: readonly KubeObject[]; resourceVersion: string; continue?: string; remainingItemCount?: number};

const expiredMessage = 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** Keeps recent list snapshots for continue tokens. */
export class ListSnapshots {
	readonly #snapshots = new Map<number, Snapshot>();
	#next = 1;

	constructor(readonly capacity = 64) {}

	/** Serves one page of a list request. `requestKey` identifies kind, namespace and selectors, which must not change between pages. */
	page(store: SimStore, kind: SimKind, filter: ObjectFilter, query: URLSearchParams, requestKey: string, withRemaining: boolean): ListPage {
		const limitText = query.get('limit');
		const limit = limitText ? Number.parseInt(limitText, 10) : 0;
		if (limitText && (!Number.isFinite(limit) || limit < 0)) {
			throw badRequest(`invalid limit: ${limitText}`);
		}

		const token = query.get('continue');
		let snapshot: Snapshot;
		let start = 0;
		if (token) {
			const decoded = decodeToken(token);
			const found = this.#snapshots.get(decoded.id);
			if (!found) {
				throw new SimError(410, 'Expired', expiredMessage);
			}

			if (found.key !== requestKey) {
				throw badRequest('continue key is not valid: the list options changed between pages');
			}

			snapshot = found;
			start = decoded.start;
		} else {
			snapshot = {rv: store.rv, items: store.list(kind).filter(filter), key: requestKey};
		}

		if (!limit || start + limit >= snapshot.items.length) {
			return {items: snapshot.items.slice(start), resourceVersion: String(snapshot.rv)};
		}

		let id = [...this.#snapshots].find(([, s]) => s === snapshot)?.[0];
		if (id === undefined) {
			id = this.#next++;
			this.#snapshots.set(id, snapshot);
			while (this.#snapshots.size > this.capacity) {
				this.#snapshots.delete(this.#snapshots.keys().next().value!);
			}
		}

		const end = start + limit;
		return {
			items: snapshot.items.slice(start, end),
			resourceVersion: String(snapshot.rv),
			continue: encodeToken(id, end, snapshot.rv),
			...(withRemaining ? {remainingItemCount: snapshot.items.length - end} : {}),
		};
	}

	/** Forgets every snapshot, so outstanding continue tokens get 410 Expired. */
	clear(): void {
		this.#snapshots.clear();
	}
}

function encodeToken(id: number, start: number, rv: number): string {
	return Buffer.from(JSON.stringify({v: 'sim', id, start, rv})).toString('base64url');
}

function decodeToken(token: string): {id: number; start: number} {
	try {
		const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {id?: unknown; start?: unknown};
		if (typeof value.id === 'number' && typeof value.start === 'number') {
			return {id: value.id, start: value.start};
		}
	} catch {}

	throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}
