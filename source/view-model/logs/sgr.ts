/**
SGR (Select Graphic Rendition) parameters to a style of the 16 terminal colours. 256-colour and true-colour codes are
mapped to the nearest of the 16, so a log keeps its meaning under any theme and no raw colour code reaches the terminal.
*/

/** The 16 colours, by the names Ink (chalk) takes. */
export type AnsiColor =
	| 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white'
	| 'gray' | 'redBright' | 'greenBright' | 'yellowBright' | 'blueBright' | 'magentaBright' | 'cyanBright' | 'whiteBright';

/** A segment's look. */
export type SegmentStyle = {
	readonly color?: AnsiColor;
	readonly backgroundColor?: AnsiColor;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly inverse?: boolean;
	readonly strikethrough?: boolean;
};

const palette: readonly AnsiColor[] = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright'];

// The xterm defaults for the 16 colours, to find the nearest one to a 256-colour or RGB code.
const rgb16: ReadonlyArray<readonly [number, number, number]> = [
	[0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
	[127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

function nearest(r: number, g: number, b: number): AnsiColor {
	let best = 0;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const [index, [pr, pg, pb]] of rgb16.entries()) {
		const distance = ((pr - r) ** 2) + ((pg - g) ** 2) + ((pb - b) ** 2);
		if (distance < bestDistance) {
			best = index;
			bestDistance = distance;
		}
	}

	return palette[best]!;
}

function from256(n: number): AnsiColor | undefined {
	if (n < 0 || n > 255) {
		return undefined;
	}

	if (n < 16) {
		return palette[n];
	}

	if (n >= 232) {
		const level = 8 + ((n - 232) * 10);
		return nearest(level, level, level);
	}

	const cube = [0, 95, 135, 175, 215, 255];
	const m = n - 16;
	return nearest(cube[Math.floor(m / 36)]!, cube[Math.floor(m / 6) % 6]!, cube[m % 6]!);
}

/** A key equal for equal styles, to merge runs. */
export function styleKey(style: SegmentStyle): string {
	return `${style.color ?? ''}/${style.backgroundColor ?? ''}/${style.bold ? 'b' : ''}${style.dim ? 'd' : ''}${style.italic ? 'i' : ''}${style.underline ? 'u' : ''}${style.inverse ? 'v' : ''}${style.strikethrough ? 's' : ''}`;
}

/** Applies the parameters of one SGR sequence (`1;31`, `38;5;208`, `38:2::255:0:0`) to a style. Unknown codes are ignored. */
export function sgrStyle(current: SegmentStyle, params: string): SegmentStyle {
	const codes = (params === '' ? '0' : params).split(';').map(part => part.split(':').map(n => (n === '' ? 0 : Number(n))));
	const next: {-readonly [K in keyof SegmentStyle]: SegmentStyle[K]} = {...current};
	for (let index = 0; index < codes.length; index++) {
		const group = codes[index] ?? [0];
		const code = group[0] ?? 0;
		if (code === 38 || code === 48) {
			// Extended colour: either as colon sub-parameters in this group, or as the following semicolon parameters.
			const rest = group.length > 1 ? group.slice(1) : codes.slice(index + 1).map(g => g[0] ?? 0);
			let color: AnsiColor | undefined;
			let used = 0;
			if (rest[0] === 5) {
				color = from256(rest[1] ?? -1);
				used = 2;
			} else if (rest[0] === 2) {
				// `38:2::r:g:b` has a colour-space id before r; `38;2;r;g;b` does not.
				const values = group.length > 5 ? rest.slice(2, 5) : rest.slice(1, 4);
				color = values.length === 3 ? nearest(values[0]!, values[1]!, values[2]!) : undefined;
				used = 4;
			}

			if (group.length === 1) {
				index += used;
			}

			if (code === 38) {
				next.color = color;
			} else {
				next.backgroundColor = color;
			}

			continue;
		}

		applyCode(next, code);
	}

	return next;
}

function applyCode(next: {-readonly [K in keyof SegmentStyle]: SegmentStyle[K]}, code: number): void {
	if (code === 0) {
		for (const key of Object.keys(next) as Array<keyof SegmentStyle>) {
			delete next[key];
		}
	} else if (code === 1) {
		next.bold = true;
	} else if (code === 2) {
		next.dim = true;
	} else if (code === 3) {
		next.italic = true;
	} else if (code === 4) {
		next.underline = true;
	} else if (code === 7) {
		next.inverse = true;
	} else if (code === 9) {
		next.strikethrough = true;
	} else if (code === 22) {
		delete next.bold;
		delete next.dim;
	} else if (code === 23) {
		delete next.italic;
	} else if (code === 24) {
		delete next.underline;
	} else if (code === 27) {
		delete next.inverse;
	} else if (code === 29) {
		delete next.strikethrough;
	} else if (code >= 30 && code <= 37) {
		next.color = palette[code - 30];
	} else if (code === 39) {
		delete next.color;
	} else if (code >= 40 && code <= 47) {
		next.backgroundColor = palette[code - 40];
	} else if (code === 49) {
		delete next.backgroundColor;
	} else if (code >= 90 && code <= 97) {
		next.color = palette[code - 90 + 8];
	} else if (code >= 100 && code <= 107) {
		next.backgroundColor = palette[code - 100 + 8];
	}
}
