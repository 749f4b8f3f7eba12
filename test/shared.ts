/**
Where the project's read-only reference data lives: `shared/` beside the repository (on developer machines and in CI alike).
*/
import path from 'node:path';

/** The shared folder beside this checkout. */
export const sharedDirectory = path.resolve(import.meta.dirname, '../../shared');
