/**
Paged lists (limit + continue, as kubectl and client-go do, so a list of 50,000 pods does not arrive as one response)
and the deadline every list page runs under.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import type {KubeObject} from '../../kube/types.js';
import type {Clock} from '../../store/clock.js';
import type {WatchKind} from '../../store/types.js';
import {ApiFailureError, httpFailure, parseStatus} from '../connection/api-failure.js';
import {sendRequest} from '../connection/kube-request.js';
import {malformation, nestedTooDeep, type Malformed} from './object-shape.js';
import {collectionPath} from './resources.js';
import {type Interner, maxNesting, storedObject} from './stored-object.js';

/** What a paged list needs: the part of a watch loop's options that listing reads. */
export type ListOptions = {
	kind: WatchKind;
	kubeConfig: KubeConfig;
	/** The server as shown in messages. */
	server: string;
	namespace: string | undefined;
	labelSelector?: string;
	/** Drops objects the store should not hold (events about other kinds). */
	accept?: (object: KubeObject) => boolean;
	/** The app clock: list deadlines run on it. */
	clock: Clock;
	/** Deadline for one list page. */
	listTimeoutMs: number;
	pageSize: number;
	/** Shares strings between the objects one loop stores, for the loop's lifetime: a relist's objects share strings with the ones they replace. */
	interner: Interner;
};

/** A complete list: every page's items and the list's resourceVersion. */
export type ListResult = {items: KubeObject[]; resourceVersion: string | undefined};

/**
Lists a kind in pages of options.pageSize, following continue tokens; objects come back normalized. `onPage` hears
each page's objects as soon as they are parsed, so the screen can fill before the last page is in.
*/
export async function listAll(options: ListOptions, signal: AbortSignal, onPage?: (objects: KubeObject[], first: boolean) => void, onMalformed?: (object: Malformed) => void): Promise<ListResult> {
	const path = collectionPath(options.kind, options.namespace);
	const items: KubeObject[] = [];
	let resourceVersion: string | undefined;
	let continueToken: string | undefined;
	let pages = 0;
	const tokens = new Set<string>();
	do {
		const query = {limit: options.pageSize, continue: continueToken, labelSelector: options.labelSelector};
		const response = await withDeadline(options, options.listTimeoutMs, `list ${options.kind}`, signal, async pageSignal => sendRequest(options.kubeConfig, {method: 'GET', path, query, signal: pageSignal}));
		if (response.status !== 200) {
			throw new ApiFailureError(httpFailure(response.status, parseStatus(response.body), response.headers, `list ${options.kind}`));
		}

		const page = JSON.parse(response.body) as {metadata?: {resourceVersion?: string; continue?: string}; items?: unknown};
		// Every page of one list is served from the same snapshot; the first page's version is the list's.
		const first = pages++ === 0;
		resourceVersion ??= page?.metadata?.resourceVersion;
		const objects: KubeObject[] = [];
		const skipped: Malformed[] = [];
		for (const item of Array.isArray(page?.items) ? page.items as unknown[] : []) {
			const bad = malformation(options.kind, item);
			if (bad) {
				// Events cannot be told apart from those about other kinds once malformed: they are dropped unnamed.
				if (options.kind !== 'events') {
					skipped.push(bad);
				}
			} else if (!options.accept || options.accept(item as KubeObject)) {
				const stored = storedObject(item as KubeObject, options.interner);
				if (stored) {
					objects.push(stored);
				} else if (options.kind !== 'events') {
					skipped.push(nestedTooDeep(options.kind, item, maxNesting));
				}
			}
		}

		items.push(...objects);
		onPage?.(objects, first);
		for (const bad of skipped) {
			onMalformed?.(bad);
		}

		continueToken = page.metadata?.continue || undefined;
		if (continueToken !== undefined) {
			// A server that hands out a token it gave before would be asked for the same pages for ever, hundreds a second.
			if (tokens.has(continueToken)) {
				throw new ApiFailureError({kind: 'failed', message: `list ${options.kind}: the server sent the same continue token again after ${pages} pages; the list never ends`});
			}

			tokens.add(continueToken);
		}
	} while (continueToken);

	return {items, resourceVersion};
}

/** Runs `run` with a signal that aborts at the deadline (or with the loop's); a deadline hit becomes a retry failure. */
async function withDeadline<T>(options: ListOptions, ms: number, what: string, signal: AbortSignal, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const controller = new AbortController();
	let timedOut = false;
	const onAbort = () => {
		controller.abort();
	};

	signal.addEventListener('abort', onAbort, {once: true});
	const cancel = options.clock.setTimer(() => {
		timedOut = true;
		controller.abort();
	}, ms);
	try {
		return await run(controller.signal);
	} catch (error) {
		if (timedOut) {
			throw new ApiFailureError({kind: 'retry', message: `${what}: no answer from ${options.server} within ${Math.round(ms / 1000)} s`});
		}

		throw error;
	} finally {
		cancel();
		signal.removeEventListener('abort', onAbort);
	}
}
