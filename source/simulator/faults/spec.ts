/**
The fault specification of `kjobs simulate --faults SPEC`: a rate per fault, as a probability per request or per
watch event, or the `chaos` preset that mixes them all.
*/

/** The faults the simulator can inject. */
export const faultNames = ['drop', 'expire', 'error', 'throttle', 'stall', 'slow', 'truncate', 'restart'] as const;

/** One kind of fault. */
export type FaultName = (typeof faultNames)[number];

/** A probability in [0, 1] per fault; missing ones are 0. */
export type FaultRates = Partial<Record<FaultName, number>>;

/**
The `chaos` preset: enough of everything that a minute of watching sees each fault, while most requests still
succeed so the client can make progress between them.
*/
export const chaosRates: Readonly<Required<FaultRates>> = {
	drop: 0.03,
	expire: 0.02,
	error: 0.05,
	throttle: 0.03,
	stall: 0.01,
	slow: 0.05,
	truncate: 0.01,
	restart: 0.002,
};

/** Parses `chaos`, `none` or `drop=0.05,error=0.1,...` (a name alone means rate 1 would be surprising, so it is refused). */
export function parseFaults(spec: string): FaultRates {
	const text = spec.trim();
	if (text === 'chaos') {
		return {...chaosRates};
	}

	if (text === '' || text === 'none') {
		return {};
	}

	const rates: FaultRates = {};
	for (const part of text.split(',')) {
		const [name, value, extra] = part.split('=').map(piece => piece.trim());
		if (!faultNames.includes(name as FaultName)) {
			throw new TypeError(`unknown fault "${name ?? ''}" (known: ${faultNames.join(', ')}, or chaos)`);
		}

		const rate = Number(value);
		if (value === undefined || value === '' || extra !== undefined || !Number.isFinite(rate) || rate < 0 || rate > 1) {
			throw new TypeError(`invalid rate for fault ${name ?? ''}: "${value ?? ''}" (a number from 0 to 1)`);
		}

		rates[name as FaultName] = rate;
	}

	return rates;
}
