/**
Where the archive lives and how names from the cluster become path parts. Context, namespace and uid all come from
outside (a kubeconfig, the API server), so none is used as is: every byte outside [A-Za-z0-9_-] is percent-encoded
(a `/` or `..` can then never climb out of the archive, and a leading dot is encoded too), and a very long name is cut
and given a hash so it stays within what a file name may hold.
*/
import {createHash} from 'node:crypto';
import path from 'node:path';

/**
The archive's root: `$XDG_STATE_HOME/kjobs/archive`, or `~/.local/state/kjobs/archive` when that is unset or relative.
The demo's runs go to `demo-archive` beside it: its jobs are made up, and sharing the size cap would let a demo left
running evict real runs (or a demo's delete reach them). Its context is always `kjobs-sim`, so a restarted demo finds
the runs of the last one.
*/
export function archiveRoot(env: Readonly<Record<string, string | undefined>>, homeDir: string, options: {readonly demo?: boolean} = {}): string {
	const state = env.XDG_STATE_HOME;
	// The XDG rules say a relative value is invalid and must be ignored.
	const base = state && path.isAbsolute(state) ? state : path.join(homeDir, '.local', 'state');
	return path.join(base, 'kjobs', options.demo ? 'demo-archive' : 'archive');
}

/** Where the cron jobs' run ledgers live: `ledger` (the demo's: `demo-ledger`) beside the archive, in the same state folder. */
export function ledgerRoot(env: Readonly<Record<string, string | undefined>>, homeDir: string, options: {readonly demo?: boolean} = {}): string {
	return path.join(path.dirname(archiveRoot(env, homeDir, options)), options.demo ? 'demo-ledger' : 'ledger');
}

// Longest encoded name kept whole; longer ones keep a prefix and a hash of the whole (file names stop at 255 bytes).
const maxPart = 160;

/** A name from the cluster as one safe path part: never empty, never `.` or `..`, no separator, at most ~180 bytes. */
export function encodePart(name: string): string {
	let encoded = '';
	for (const byte of Buffer.from(name, 'utf8')) {
		const char = String.fromCodePoint(byte);
		encoded += /[\w-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}

	if (encoded === '') {
		return '%';
	}

	if (encoded.length > maxPart) {
		const hash = createHash('sha256').update(name).digest('hex').slice(0, 16);
		return `${encoded.slice(0, maxPart)}~${hash}`;
	}

	return encoded;
}

/** The inverse of encodePart for names kept whole (a cut name decodes to its prefix). */
export function decodePart(part: string): string {
	const whole = part.replace(/~[\da-f]{16}$/, '');
	try {
		return decodeURIComponent(whole === '%' ? '' : whole);
	} catch {
		return whole;
	}
}
