/**
Word wrapping for prose the app writes itself (help texts): lines broken at spaces, a word longer than the width cut
into pieces, so no line is wider than asked.
*/

/** `text` as lines of at most `width` cells (one per code point), broken at spaces where it can. */
export function wordWrap(text: string, width: number): string[] {
	const room = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ').filter((part) => part !== '')) {
		const candidate = line === '' ? word : `${line} ${word}`;
		if ([...candidate].length <= room) {
			line = candidate;
			continue;
		}

		if (line !== '') {
			lines.push(line);
		}

		let rest = [...word];
		while (rest.length > room) {
			lines.push(rest.slice(0, room).join(''));
			rest = rest.slice(room);
		}

		line = rest.join('');
	}

	if (line !== '' || lines.length === 0) {
		lines.push(line);
	}

	return lines;
}
