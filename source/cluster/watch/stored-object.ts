/**
What the store keeps of an object from the API server: the object normalized (normalizeObject), with its strings
shared. JSON.parse gives every string value its own copy, and a pod repeats its job's uid and name in labels and owner
references, the same timestamps, phases, condition types, images and commands as its siblings: at 50,000 pods the
copies are a third of the heap. Objects stay whole, so describe and YAML show exactly what the server sent.
*/
import type {KubeObject} from '../../kube/types.js';
import {normalizeObject} from './resources.js';

/** Shares equal strings between the objects it sees. */
export type Interner = {
	/** The one copy of `text` this interner keeps. */
	intern(text: string): string;
	/** How many strings it keeps now. */
	readonly size: number;
};

/**
A table of strings; it starts over past `limit` entries so strings of long-deleted objects are not kept for ever.
Strings longer than `longest` (messages, big annotations) rarely repeat and are not kept: the table must not hold a
megabyte annotation of an object long gone.
*/
export function createInterner(limit = 250_000, longest = 256): Interner {
	const table = new Map<string, string>();
	return {
		intern(text) {
			if (text.length > longest) {
				return text;
			}

			const known = table.get(text);
			if (known !== undefined) {
				return known;
			}

			if (table.size >= limit) {
				// Objects already stored keep their strings; only sharing with them is lost.
				table.clear();
			}

			table.set(text, text);
			return text;
		},
		get size() {
			return table.size;
		},
	};
}

/**
How deep an object may nest. A Job or a Pod reaches about fifteen levels; JSON.parse takes any depth, but every walk
after it (normalizing, the describe and YAML printers) recurses, and a hostile object nested 100,000 levels deep made
the walk overflow the stack and throw away its whole list page.
*/
export const maxNesting = 100;

const tooDeep = new Error('nested too deeply');

/**
The object as the store keeps it: normalized, its string values replaced by the interner's copies (in place); or
undefined when it nests deeper than maxNesting (the caller skips it and names it).
*/
export function storedObject(object: KubeObject, interner: Interner): KubeObject | undefined {
	try {
		return internAll(normalizeObject(object), interner, 0, topLevel) as KubeObject;
	} catch (error) {
		// Normalizing runs first and may itself run out of stack on such an object.
		if (error === tooDeep || error instanceof RangeError) {
			return undefined;
		}

		throw error;
	}
}

/**
The object's own name, uid and resourceVersion are left out of the table: no other object of the kind repeats them
(a new resourceVersion comes with every event, a new name and uid with every new pod), so keeping them shares nothing,
and the table kept one of each for every event until it filled and started over. At 100,000 pods under churn that was
a quarter of a million dead strings, tens of megabytes that grew for many minutes between two clears: the heap after
GC looked like a leak. Names and uids that other objects repeat (a pod's job in its labels and owner reference) sit
elsewhere in the object and are still shared.
*/
const ownIdentity: ReadonlySet<string> = new Set(['name', 'uid', 'resourceVersion']);

// Which keys of a record are kept out of the table, and what its children skip: only the top-level metadata has any.
type Skip = {readonly keys?: ReadonlySet<string>; readonly child?: (key: string) => Skip | undefined};
const topLevel: Skip = {child: key => (key === 'metadata' ? {keys: ownIdentity} : undefined)};

// The parsed object belongs to the caller alone (fresh from JSON.parse), so it is rewritten in place, without copies.
function internAll(value: unknown, interner: Interner, depth: number, skip?: Skip): unknown {
	if (typeof value === 'string') {
		return interner.intern(value);
	}

	if (typeof value !== 'object' || value === null) {
		return value;
	}

	if (depth >= maxNesting) {
		throw tooDeep;
	}

	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) {
			value[index] = internAll(value[index], interner, depth + 1);
		}
	} else {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const child = record[key];
			if (skip?.keys?.has(key) && typeof child === 'string') {
				continue;
			}

			record[key] = internAll(child, interner, depth + 1, skip?.child?.(key));
		}
	}

	return value;
}
