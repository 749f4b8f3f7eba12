/**
A small terminal screen for tests and the benchmark: it applies what kjobs writes (printable text, CR/LF, cursor moves,
erases, the autowrap switch, scrolling at the bottom row, inverse video) to a grid of cells, so a test can read the
screen a user would see, including lines that a wrong redraw left behind, and the benchmark can find the selected row.
Colours and other SGR codes, OSC strings and unknown private modes are read and ignored. An escape sequence split
across two writes (a pty delivers output in chunks) is kept for the next write. Every code point takes one cell (tests
that use it draw ASCII and box-drawing characters).
*/

/** A terminal grid of `columns` × `rows` cells, fed with `write`. */
export class ScreenEmulator {
	#cells: string[][];
	#inverse: boolean[][];
	#inverseOn = false;
	#pending = '';
	#row = 0;
	#column = 0;
	#autowrap = true;
	// Set when a character was written into the last column: the next one wraps first (as xterm does).
	#pendingWrap = false;

	constructor(public columns: number, public rows: number) {
		this.#cells = Array.from({length: rows}, () => this.#blankRow());
		this.#inverse = Array.from({length: rows}, () => this.#plainRow());
	}

	/** The screen as text lines, trailing blanks trimmed. */
	lines(): string[] {
		return this.#cells.map(row => row.join('').trimEnd());
	}

	/** The whole screen as one string. */
	text(): string {
		return this.lines().join('\n');
	}

	/** The text of the first row from `from` on drawn mostly in inverse video (the selection), or undefined. */
	inverseRow(from = 0): string | undefined {
		for (let row = from; row < this.rows; row++) {
			if (this.#inverse[row]!.filter(Boolean).length > this.columns / 2) {
				return this.#cells[row]!.join('').trimEnd();
			}
		}

		return undefined;
	}

	/** Resizes the grid as a terminal does on the alternate screen: rows and columns cut or padded, no reflow. */
	resize(columns: number, rows: number): void {
		this.#cells = Array.from({length: rows}, (_, index) => {
			const old = this.#cells[index] ?? [];
			return Array.from({length: columns}, (_, column) => old[column] ?? ' ');
		});
		this.#inverse = Array.from({length: rows}, (_, index) => {
			const old = this.#inverse[index] ?? [];
			return Array.from({length: columns}, (_, column) => old[column] ?? false);
		});
		this.columns = columns;
		this.rows = rows;
		this.#row = Math.min(this.#row, rows - 1);
		this.#column = Math.min(this.#column, columns - 1);
		this.#pendingWrap = false;
	}

	/** Applies written bytes. */
	write(data: string): void {
		const text = this.#pending + data;
		this.#pending = '';
		let index = 0;
		while (index < text.length) {
			const character = String.fromCodePoint(text.codePointAt(index)!);
			if (character === '\u001B') {
				if (unfinished(text.slice(index))) {
					this.#pending = text.slice(index);
					return;
				}

				index = this.#escape(text, index);
				continue;
			}

			if (character === '\r') {
				this.#column = 0;
				this.#pendingWrap = false;
			} else if (character === '\n') {
				this.#lineFeed();
			} else if (character >= ' ') {
				this.#print(character);
			}

			index += character.length;
		}
	}

	#blankRow(): string[] {
		return Array.from({length: this.columns}, () => ' ');
	}

	#plainRow(): boolean[] {
		return Array.from({length: this.columns}, () => false);
	}

	#print(character: string): void {
		if (this.#pendingWrap && this.#autowrap) {
			this.#column = 0;
			this.#lineFeed();
		}

		this.#pendingWrap = false;
		this.#cells[this.#row]![this.#column] = character;
		this.#inverse[this.#row]![this.#column] = this.#inverseOn;
		if (this.#column === this.columns - 1) {
			this.#pendingWrap = this.#autowrap;
		} else {
			this.#column++;
		}
	}

	#lineFeed(): void {
		this.#pendingWrap = false;
		if (this.#row === this.rows - 1) {
			this.#cells.shift();
			this.#cells.push(this.#blankRow());
			this.#inverse.shift();
			this.#inverse.push(this.#plainRow());
		} else {
			this.#row++;
		}
	}

	// Reads one escape sequence starting at `start`; returns the index after it.
	#escape(text: string, start: number): number {
		const kind = text[start + 1];
		if (kind === ']') {
			const end = text.slice(start).search(/\u0007|\u001B\\/);
			return end === -1 ? text.length : start + end + (text[start + end] === '\u0007' ? 1 : 2);
		}

		if (kind !== '[') {
			return start + 2;
		}

		const match = /^\u001B\[([?]?)([\d;]*)([@-~])/.exec(text.slice(start));
		if (!match) {
			return start + 2;
		}

		const [whole, privateMark, parameterText, final] = match as unknown as [string, string, string, string];
		const parameters = parameterText === '' ? [] : parameterText.split(';').map(Number);
		const first = parameters[0] ?? 0;
		const count = Math.max(1, first);
		if (privateMark === '?') {
			if (first === 7 && (final === 'h' || final === 'l')) {
				this.#autowrap = final === 'h';
			}

			return start + whole.length;
		}

		this.#pendingWrap = final === 'm' ? this.#pendingWrap : false;
		switch (final) {
			case 'H':
			case 'f': {
				this.#row = Math.min(this.rows - 1, Math.max(1, parameters[0] ?? 1) - 1);
				this.#column = Math.min(this.columns - 1, Math.max(1, parameters[1] ?? 1) - 1);
				break;
			}

			case 'A': {
				this.#row = Math.max(0, this.#row - count);
				break;
			}

			case 'B': {
				this.#row = Math.min(this.rows - 1, this.#row + count);
				break;
			}

			case 'C': {
				this.#column = Math.min(this.columns - 1, this.#column + count);
				break;
			}

			case 'D': {
				this.#column = Math.max(0, this.#column - count);
				break;
			}

			case 'G': {
				this.#column = Math.min(this.columns - 1, count - 1);
				break;
			}

			case 'J': {
				this.#eraseDisplay(first);
				break;
			}

			case 'K': {
				this.#eraseLine(first);
				break;
			}

			case 'm': {
				for (const code of parameters.length === 0 ? [0] : parameters) {
					if (code === 7) {
						this.#inverseOn = true;
					} else if (code === 27 || code === 0) {
						this.#inverseOn = false;
					}
				}

				break;
			}

			default: {
				break;
			}
		}

		return start + whole.length;
	}

	#eraseDisplay(mode: number): void {
		if (mode === 2 || mode === 3) {
			this.#cells = Array.from({length: this.rows}, () => this.#blankRow());
			this.#inverse = Array.from({length: this.rows}, () => this.#plainRow());
			return;
		}

		if (mode === 0) {
			this.#eraseLine(0);
			for (let row = this.#row + 1; row < this.rows; row++) {
				this.#cells[row] = this.#blankRow();
				this.#inverse[row] = this.#plainRow();
			}
		}
	}

	#eraseLine(mode: number): void {
		const row = this.#cells[this.#row]!;
		const [from, to] = mode === 0 ? [this.#column, this.columns] : mode === 1 ? [0, this.#column + 1] : [0, this.columns];
		for (let column = from; column < to; column++) {
			row[column] = ' ';
			this.#inverse[this.#row]![column] = false;
		}
	}
}

// Whether `text` (starting at an ESC) ends before its escape sequence does: the rest comes with the next write.
function unfinished(text: string): boolean {
	if (text.length === 1) {
		return true;
	}

	if (text[1] === '[') {
		return !/^\u001B\[[?]?[\d;]*[@-~]/.test(text) && /^\u001B\[[?]?[\d;]*$/.test(text);
	}

	return text[1] === ']' && !/\u0007|\u001B\\/.test(text);
}
