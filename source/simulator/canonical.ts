/**
Key-order-independent JSON, for comparing objects: clients send fields in any order, and a reordered but equal
object is not a change.
*/

/** JSON with object keys sorted at every level; undefined members are dropped as JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, member: unknown) => {
		if (member && typeof member === 'object' && !Array.isArray(member)) {
			return Object.fromEntries(Object.entries(member as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : (a > b ? 1 : 0))));
		}

		return member;
	}) ?? 'undefined';
}

/** True when two JSON values are equal regardless of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
	return canonicalJson(a) === canonicalJson(b);
}
