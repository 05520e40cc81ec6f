import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first `days` days of the epftoolbox Nord Pool file, as CSV text (header included). */
export function nordPoolSlice(days: number): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  const file = path.resolve(repoRoot, 'server/bench/data/epf/NP.csv');
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  return lines.slice(0, 1 + days * 24).join('\n');
}
