/**
A seeded pseudo-random generator (mulberry32), so `--seed N` reproduces a run exactly.
*/

/** Returns a function giving numbers in [0, 1), determined by `seed`. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A uuid-shaped id drawn from `random`, for reproducible uids under a seed. */
export function seededUid(random: () => number): () => string {
	const hex = () => Math.floor(random() * 16).toString(16);
	return () => {
		let s = '';
		for (const n of [8, 4, 4, 4, 12]) {
			s += (s ? '-' : '') + Array.from({length: n}, hex).join('');
		}

		return s;
	};
}
