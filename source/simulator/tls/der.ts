/**
Just enough ASN.1 DER to write an X.509 certificate: node:crypto signs and exports keys but cannot build a
certificate, and a dependency for forty lines of encoding is not worth it.
*/

function length(n: number): Buffer {
	if (n < 0x80) {
		return Buffer.from([n]);
	}

	const bytes: number[] = [];
	for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) {
		bytes.unshift(rest % 256);
	}

	return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A tag-length-value with raw contents. */
export function tlv(tag: number, contents: Buffer): Buffer {
	return Buffer.concat([Buffer.from([tag]), length(contents.length), contents]);
}

/** SEQUENCE of the parts. */
export const sequence = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));

/** SET of the parts. */
export const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));

/** A context-specific constructed tag [n] around the parts (EXPLICIT tagging). */
export const explicit = (n: number, ...parts: Buffer[]): Buffer => tlv(0xa0 + n, Buffer.concat(parts));

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
export function integer(bytes: Buffer): Buffer {
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) {
		start++;
	}

	const trimmed = bytes.subarray(start);
	return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

/** An OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Buffer {
	const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
	const bytes = [first * 40 + second];
	for (const arc of rest) {
		const chunk = [arc & 0x7f];
		for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
			chunk.unshift(0x80 | (value & 0x7f));
		}

		bytes.push(...chunk);
	}

	return tlv(0x06, Buffer.from(bytes));
}

/** UTF8String. */
export const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));

/** BOOLEAN. */
export const boolean = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0]));

/** OCTET STRING. */
export const octets = (contents: Buffer): Buffer => tlv(0x04, contents);

/** BIT STRING with no unused bits. */
export const bits = (contents: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), contents]));

/** UTCTime (years 1950–2049), or GeneralizedTime beyond, of epoch ms `at`. */
export function time(at: number): Buffer {
	const iso = new Date(at).toISOString();
	const digits = iso.slice(0, 19).replaceAll(/[-:T]/g, '');
	const year = Number(digits.slice(0, 4));
	return year < 2050 ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${digits}Z`));
}

/** PEM text of DER bytes. */
export function pem(label: string, der: Buffer): string {
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
