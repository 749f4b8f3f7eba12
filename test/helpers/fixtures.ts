/**
Where the tests' data lives: `test/fixtures/`, inside the repository, so that a clone alone has everything its tests
read. Each folder there has a README saying where its files came from.
*/
import {readFileSync} from 'node:fs';
import path from 'node:path';

/** The `test/fixtures` folder of this checkout. */
export const fixturesDirectory = path.resolve(import.meta.dirname, '../fixtures');

/** The text of one file under test/fixtures, by its path relative to that folder (`seed-manifests/pi.yaml`). */
export function readFixtureText(relativePath: string): string {
	return readFileSync(path.join(fixturesDirectory, relativePath), 'utf8');
}

/** One JSON file under test/fixtures, parsed (`upstream/printers-job.json`, `k9s/job.json`). */
export function readFixtureJson<T = unknown>(relativePath: string): T {
	return JSON.parse(readFixtureText(relativePath)) as T;
}
