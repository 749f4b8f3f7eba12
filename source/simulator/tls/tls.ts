/**
`kjobs simulate --tls`: a freshly generated certificate authority and a server certificate it signs (ECDSA P-256,
valid a day either side of `now`, for 127.0.0.1, ::1 and localhost), built with node:crypto and a small DER writer.
*/
import {createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject} from 'node:crypto';
import {isIPv4, isIPv6} from 'node:net';
import {bits, boolean, explicit, integer, octets, oid, pem, sequence, set, time, tlv, utf8} from './der.js';

/** The PEM texts an HTTPS simulator needs; `ca` goes into the kubeconfig. */
export type SimTls = {ca: string; cert: string; key: string};

const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
const day = 24 * 60 * 60 * 1000;

const name = (commonName: string) => sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));

const extension = (id: string, critical: boolean, value: Buffer) => sequence(oid(id), ...(critical ? [boolean(true)] : []), octets(value));

function ipBytes(address: string): Buffer {
	if (isIPv4(address)) {
		return Buffer.from(address.split('.').map(Number));
	}

	// Expand "::" and write each group as two bytes.
	const [head = '', tail = ''] = address.includes('::') ? address.split('::') : [address, ''];
	const headGroups = head ? head.split(':') : [];
	const tailGroups = tail ? tail.split(':') : [];
	const groups = [...headGroups, ...Array.from({length: 8 - headGroups.length - tailGroups.length}, () => '0'), ...tailGroups];
	return Buffer.from(groups.flatMap(group => {
		const value = Number.parseInt(group, 16);
		return [value >> 8, value & 0xff];
	}));
}

function certificate(options: {subject: string; issuer: string; publicKey: KeyObject; signer: KeyObject; now: number; ca: boolean; hosts: string[]}): Buffer {
	const {subject, issuer, publicKey, signer, now, ca, hosts} = options;
	// Key usage bits: digitalSignature (bit 0) for a TLS server, keyCertSign (bit 5) for a CA.
	const keyUsage = ca ? Buffer.from([0x02, 0x04]) : Buffer.from([0x07, 0x80]);
	const extensions = [
		extension('2.5.29.19', true, ca ? sequence(boolean(true)) : sequence()),
		extension('2.5.29.15', true, tlv(0x03, keyUsage)),
	];
	if (!ca) {
		const names = hosts.map(host => (isIPv4(host) || isIPv6(host) ? tlv(0x87, ipBytes(host)) : tlv(0x82, Buffer.from(host))));
		extensions.push(extension('2.5.29.17', false, sequence(...names)), extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))));
	}

	const tbs = sequence(
		explicit(0, integer(Buffer.from([2]))),
		integer(randomBytes(16)),
		ecdsaWithSha256,
		name(issuer),
		sequence(time(now - day), time(now + day)),
		name(subject),
		publicKey.export({type: 'spki', format: 'der'}),
		explicit(3, sequence(...extensions)),
	);
	return sequence(tbs, ecdsaWithSha256, bits(sign('sha256', tbs, signer)));
}

/** Generates a CA and a server certificate for `hosts` (default 127.0.0.1, ::1, localhost), valid around `now`. */
export function generateTls(now: number, hosts: string[] = ['127.0.0.1', '::1', 'localhost']): SimTls {
	const caKeys = generateKeyPairSync('ec', {namedCurve: 'P-256'});
	const serverKeys = generateKeyPairSync('ec', {namedCurve: 'P-256'});
	const caName = 'kjobs-sim-ca';
	const ca = certificate({subject: caName, issuer: caName, publicKey: caKeys.publicKey, signer: caKeys.privateKey, now, ca: true, hosts: []});
	const cert = certificate({subject: 'kjobs-sim', issuer: caName, publicKey: serverKeys.publicKey, signer: caKeys.privateKey, now, ca: false, hosts});
	const key = createPrivateKey(serverKeys.privateKey.export({type: 'pkcs8', format: 'pem'})).export({type: 'pkcs8', format: 'pem'}).toString();
	return {ca: pem('CERTIFICATE', ca), cert: pem('CERTIFICATE', cert), key};
}
