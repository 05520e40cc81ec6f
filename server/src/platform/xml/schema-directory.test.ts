import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSchemaSource, resolveSchemaDirectory } from './schema-directory.js';

const sandbox = mkdtempSync(join(tmpdir(), 'schema-directory-'));
const repository = join(sandbox, 'repo');
mkdirSync(repository);
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('where the regulatory schemas are read from', () => {
  it('takes the configured directory, relative to the repository root', () => {
    expect(resolveSchemaDirectory('vendor/schemas', repository)).toBe(
      join(repository, 'vendor/schemas'),
    );
    expect(resolveSchemaDirectory('/opt/schemas', repository)).toBe('/opt/schemas');
  });

  it('has no schemas when nothing is configured and shared/data is not beside the repository', () => {
    expect(resolveSchemaDirectory(undefined, repository)).toBeUndefined();
    expect(resolveSchemaDirectory('  ', repository)).toBeUndefined();
  });

  it('falls back to ../shared/data beside the repository when it exists', () => {
    mkdirSync(join(sandbox, 'shared', 'data'), { recursive: true });
    expect(resolveSchemaDirectory(undefined, repository)).toBe(join(sandbox, 'shared', 'data'));
  });

  it('reads a schema with its imports, or nothing when one of them is missing', () => {
    const directory = join(sandbox, 'shared', 'data');
    mkdirSync(join(directory, 'emir'), { recursive: true });
    writeFileSync(join(directory, 'emir', 'a.xsd'), '<a/>');
    expect(readSchemaSource(directory, 'set', 'emir/a.xsd')).toEqual({
      name: 'set',
      entry: 'emir/a.xsd',
      files: { 'emir/a.xsd': '<a/>' },
    });
    expect(readSchemaSource(directory, 'set', 'emir/a.xsd', ['emir/b.xsd'])).toBeUndefined();
  });
});
