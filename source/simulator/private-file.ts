/**
Writing the simulator's kubeconfig without trusting what is already at the path: on a shared machine another user
may have planted a symlink (to make kjobs overwrite a file of theirs choosing) or a world-writable file (to edit in an
exec plugin after kjobs wrote it). The text goes to a new file created exclusively (O_EXCL, which a symlink fails)
with mode 600, then renamed over the path, which replaces whatever was there instead of writing through it; in a
sticky /tmp another user's file cannot be replaced at all, and that is an error, not a fallback.
*/
import {randomBytes} from 'node:crypto';
import {mkdtemp, rename, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** Writes `text` to `file` as a fresh private (0600) file of this user's. */
export async function writePrivateFile(file: string, text: string): Promise<void> {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
	await writeFile(temporary, text, {mode: 0o600, flag: 'wx'});
	try {
		await rename(temporary, file);
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
}

/** A kubeconfig path in a new private (0700) directory under the temp folder, and how to remove that directory. */
export async function privateKubeconfigPath(): Promise<{readonly file: string; remove(): Promise<void>}> {
	const directory = await mkdtemp(path.join(tmpdir(), 'kjobs-sim-'));
	return {
		file: path.join(directory, 'kubeconfig'),
		remove: async () => rm(directory, {recursive: true, force: true}),
	};
}
