/**
Text from the cluster (names, labels, annotations, condition and event messages, API errors) and from kubeconfig
files is data: a container's termination message can hold a window-title or clipboard-write sequence. Every control
character is shown as a visible token instead, so nothing in it can drive the terminal or reorder what follows.
*/

// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates ("Trojan Source").
const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const unsafeAll = new RegExp(unsafe.source, 'g');

/** How one control character is shown: `␛` for ESC, `^G` for other C0 controls, `^?`, `\x9b`, `<U+202E>`. */
export function visibleControl(code: number): string {
	if (code === 0x1B) {
		return '␛';
	}

	if (code < 0x20) {
		return `^${String.fromCodePoint(code + 0x40)}`;
	}

	if (code === 0x7F) {
		return '^?';
	}

	if (code >= 0x80 && code <= 0x9F) {
		return `\\x${code.toString(16)}`;
	}

	return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Whether a code point is a bidi embedding, override or isolate. */
export function isBidiControl(code: number): boolean {
	return (code >= 0x20_2A && code <= 0x20_2E) || (code >= 0x20_66 && code <= 0x20_69);
}

/** `text` with every control character replaced by its visible token (a tab by a space); safe text comes back as is. */
export function printable(text: string): string {
	if (!unsafe.test(text)) {
		return text;
	}

	return text.replaceAll(unsafeAll, (character) => (character === '\t' ? ' ' : visibleControl(character.codePointAt(0) ?? 0)));
}

/**
A message for stderr with every control character in it made visible, line by line: error messages name kubeconfig
contexts, clusters, users and file paths, which anyone who wrote the file chose, and stderr is the same terminal as the
screen.
*/
export function printableLines(text: string): string {
	return text.split('\n').map(line => printable(line)).join('\n');
}
