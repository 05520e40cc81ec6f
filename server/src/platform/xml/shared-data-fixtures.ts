import { fileURLToPath } from 'node:url';
import { resolveSchemaDirectory } from './schema-directory.js';

/** The repository root, from this file's place in `server/src/platform/xml/`. */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The shared public data (`../shared/data` beside the repository, as CI lays it out), or the
 * directory `REGULATORY_SCHEMAS_DIR` names. Tests that need the official schemas fail here,
 * loudly, rather than pass without them.
 */
export function sharedDataDirectory(): string {
  const directory = resolveSchemaDirectory(process.env.REGULATORY_SCHEMAS_DIR, repositoryRoot);
  if (!directory) {
    throw new Error(
      'the official schemas are missing: expected ../shared/data beside the repository',
    );
  }
  return directory;
}
