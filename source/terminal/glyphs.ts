/**
ASCII stand-ins for the symbols kjobs draws, for terminals whose font lacks them. The Linux virtual console
(`TERM=linux`) draws from a 256-glyph font: ✓ ✗ ⚠ ● › … come out as blanks or diamonds there, so the outcome marks of
the history strip and the attempt timeline, the warnings and the breadcrumb would be lost. Each stand-in takes one cell
like the symbol it replaces, so columns stay aligned. Symbols that font has (▲ ▼ ▒ · │ ─) stay.
*/

const standIns: Readonly<Record<string, string>> = {
	'✓': '+',
	'✗': 'x',
	'⚠': '!',
	'●': '*',
	'›': '>',
	'…': '~',
	'⏎': '/',
	'␛': '^',
};

const symbols = new RegExp(`[${Object.keys(standIns).join('')}]`, 'g');

/** `text` with every symbol the console font lacks replaced by its one-cell ASCII stand-in. */
export function asciiGlyphs(text: string): string {
	return text.replaceAll(symbols, (symbol) => standIns[symbol] ?? symbol);
}

/** Whether the terminal named by `TERM` needs the stand-ins: the Linux console, or KJOBS_ASCII=1 asked for them. */
export function needsAsciiGlyphs(env: Readonly<Record<string, string | undefined>>): boolean {
	return env['TERM'] === 'linux' || env['KJOBS_ASCII'] === '1';
}
