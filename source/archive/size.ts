/**
Sizes as a user types them on the command line: `500MB`, `2G`, `750m`, `1.5GB` or plain bytes. Units are powers of
1024 (a `500MB` cap is 500 MiB), which is how `du -h` and `ls -lh` report what the archive takes.
*/

const units: Readonly<Record<string, number>> = {'': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4};

/** Bytes of a size text, or undefined when it is not one (or is not above zero). */
export function parseSize(text: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
	const unit = match ? units[match[2]!.toLowerCase().replace(/ib$/, 'b')] : undefined;
	if (!match || unit === undefined) {
		return undefined;
	}

	const bytes = Math.floor(Number(match[1]) * unit);
	return bytes > 0 ? bytes : undefined;
}
