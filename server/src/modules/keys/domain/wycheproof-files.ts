/**
 * Reads Project Wycheproof's vector files from the shared data folder beside the
 * repository (`../shared/data/vectors/wycheproof/`, as CI lays it out), unmodified.
 * SHARED_DATA_DIR points elsewhere when a checkout lives apart from its shared folder.
 * For tests only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export function wycheproofDir(): string {
  const shared = process.env.SHARED_DATA_DIR ?? path.join(repositoryRoot, '..', 'shared', 'data');
  const dir = path.join(shared, 'vectors', 'wycheproof');
  if (!existsSync(dir)) {
    throw new Error(
      `the Wycheproof vectors are not at ${dir}: lay shared/ beside the repository or set SHARED_DATA_DIR`,
    );
  }
  return dir;
}

export type VectorResult = 'valid' | 'invalid' | 'acceptable';

export interface VectorCase {
  tcId: number;
  comment?: string;
  flags?: string[];
  result: VectorResult;
  [field: string]: unknown;
}

export interface VectorGroup {
  tests: VectorCase[];
  [field: string]: unknown;
}

export interface VectorFile {
  algorithm: string;
  numberOfTests: number;
  testGroups: VectorGroup[];
}

export function readVectors(file: string): VectorFile {
  return JSON.parse(readFileSync(path.join(wycheproofDir(), file), 'utf8')) as VectorFile;
}

export const hex = (value: unknown): Uint8Array =>
  new Uint8Array(Buffer.from(typeof value === 'string' ? value : '', 'hex'));

/** Every case of a file with its group, counted so a test can check none was skipped. */
export function casesOf(file: VectorFile): { group: VectorGroup; test: VectorCase }[] {
  const out = file.testGroups.flatMap((group) => group.tests.map((test) => ({ group, test })));
  if (out.length !== file.numberOfTests) {
    throw new Error(
      `${file.algorithm}: ${out.length} cases read, the file says ${file.numberOfTests}`,
    );
  }
  return out;
}
