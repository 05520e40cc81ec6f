import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { XmlSchemaSource } from './validator.js';

/**
 * Where the regulators' schema files are read from at run time. They are not vendored
 * (their owners publish them; the repository keeps no copies), so the platform takes a
 * configured directory, or `../shared/data` beside the repository when it exists, and
 * otherwise runs with no schemas: reports are then "not validated", never ready.
 */
export function resolveSchemaDirectory(
  configured: string | undefined,
  repositoryRoot: string,
): string | undefined {
  if (configured !== undefined && configured.trim() !== '')
    return resolve(repositoryRoot, configured);
  const beside = resolve(repositoryRoot, '..', 'shared', 'data');
  return existsSync(beside) ? beside : undefined;
}

/**
 * Reads one schema and the files it includes or imports (paths relative to `directory`).
 * Returns undefined when any of them is missing, so a half-present set is never compiled.
 */
export function readSchemaSource(
  directory: string,
  name: string,
  entry: string,
  others: readonly string[] = [],
): XmlSchemaSource | undefined {
  const files: Record<string, string> = {};
  for (const path of [entry, ...others]) {
    const full = join(directory, path);
    if (!existsSync(full)) return undefined;
    files[path] = readFileSync(full, 'utf8');
  }
  return { name, entry, files };
}
