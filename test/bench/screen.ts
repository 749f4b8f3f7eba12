/**
A minimal terminal emulator for the benchmark: applies the escape sequences Ink writes (cursor moves, erase line and
screen, SGR inverse) to a grid of cells, so frames can be read whether the app redraws everything or only what
changed.
*/

/** A virtual screen of `rows` × `cols` cells. */
export class Screen {
	readonly #chars: string[][];
	readonly #inverse: boolean[][];
	#row = 0;
	#col = 0;
	#inverseOn = false;
	#pending = '';

	constructor(readonly cols: number, readonly rows: number) {
		this.#chars = Array.from({length: rows}, () => Array.from({length: cols}, () => ' '));
		this.#inverse = Array.from({length: rows}, () => Array.from({length: cols}, () => false));
	}

	/** Applies output; an escape sequence split across chunks is kept for the next call. */
	write(data: string): void {
		const text = this.#pending + data;
		this.#pending = '';
		let i = 0;
		while (i < text.length) {
			const ch = text[i]!;
			if (ch === '\u001B') {
				const match = /^\u001B\[([?>=]?)([\d;]*)([A-Za-z])/.exec(text.slice(i, i + 32));
				if (!match) {
					if (text.length - i < 32 && !/^\u001B[^[]/.test(text.slice(i))) {
						this.#pending = text.slice(i);
						return;
					}

					i += 2;
					continue;
				}

				this.#csi(match[1]!, match[2]!, match[3]!);
				i += match[0].length;
				continue;
			}

			if (ch === '\r') {
				this.#col = 0;
			} else if (ch === '\n') {
				this.#lineFeed();
			} else if (ch >= ' ') {
				const code = text.codePointAt(i)!;
				const glyph = String.fromCodePoint(code);
				if (this.#col >= this.cols) {
					this.#col = 0;
					this.#lineFeed();
				}

				this.#chars[this.#row]![this.#col] = glyph;
				this.#inverse[this.#row]![this.#col] = this.#inverseOn;
				this.#col++;
				i += glyph.length;
				continue;
			}

			i++;
		}
	}

	/** The screen's text, one string per row (trailing spaces trimmed). */
	lines(): string[] {
		return this.#chars.map(row => row.join('').trimEnd());
	}

	/** The text of the first row drawn (mostly) in inverse video, or undefined. */
	inverseRow(from = 0): string | undefined {
		for (let r = from; r < this.rows; r++) {
			const cells = this.#inverse[r]!;
			if (cells.filter(Boolean).length > this.cols / 2) {
				return this.#chars[r]!.join('').trimEnd();
			}
		}

		return undefined;
	}

	/** The whole screen as one string. */
	text(): string {
		return this.lines().join('\n');
	}

	#lineFeed(): void {
		if (this.#row < this.rows - 1) {
			this.#row++;
			return;
		}

		// Scroll up one line.
		this.#chars.push(this.#chars.shift()!.fill(' '));
		this.#inverse.push(this.#inverse.shift()!.fill(false));
	}

	#csi(prefix: string, params: string, final: string): void {
		if (prefix !== '') {
			return;
		}

		const numbers = params.split(';').map(n => (n === '' ? undefined : Number(n)));
		const n = numbers[0] ?? 1;
		switch (final) {
			case 'A': {
				this.#row = Math.max(0, this.#row - n);
				break;
			}

			case 'B': {
				this.#row = Math.min(this.rows - 1, this.#row + n);
				break;
			}

			case 'C': {
				this.#col = Math.min(this.cols - 1, this.#col + n);
				break;
			}

			case 'D': {
				this.#col = Math.max(0, this.#col - n);
				break;
			}

			case 'G': {
				this.#col = Math.min(this.cols - 1, n - 1);
				break;
			}

			case 'H':
			case 'f': {
				this.#row = Math.min(this.rows - 1, (numbers[0] ?? 1) - 1);
				this.#col = Math.min(this.cols - 1, (numbers[1] ?? 1) - 1);
				break;
			}

			case 'K': {
				const mode = numbers[0] ?? 0;
				const [from, to] = mode === 0 ? [this.#col, this.cols] : (mode === 1 ? [0, this.#col + 1] : [0, this.cols]);
				this.#chars[this.#row]!.fill(' ', from, to);
				this.#inverse[this.#row]!.fill(false, from, to);
				break;
			}

			case 'J': {
				const mode = numbers[0] ?? 0;
				const from = mode === 0 ? this.#row + 1 : 0;
				const to = mode === 1 ? this.#row : this.rows;
				for (let r = from; r < to; r++) {
					this.#chars[r]!.fill(' ');
					this.#inverse[r]!.fill(false);
				}

				if (mode === 0) {
					this.#chars[this.#row]!.fill(' ', this.#col);
				}

				break;
			}

			case 'm': {
				for (const code of numbers.length === 0 ? [0] : numbers) {
					if (code === 7) {
						this.#inverseOn = true;
					} else if (code === 27 || code === 0 || code === undefined) {
						this.#inverseOn = false;
					}
				}

				break;
			}

			default:
		}
	}
}
