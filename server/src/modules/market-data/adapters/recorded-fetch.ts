import { readFileSync } from 'node:fs';
import type { FetchLike } from './adapter.js';

/** Test support: answers requests with recorded fixture files and remembers the URLs asked for. */
export interface RecordedFetch {
  fetch: FetchLike;
  requests: string[];
}

export const readFixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export function recordedFetch(
  answer: (url: string) => { status?: number; body: string },
): RecordedFetch {
  const requests: string[] = [];
  return {
    requests,
    fetch: async (url) => {
      requests.push(url);
      const { status = 200, body } = answer(url);
      return { ok: status >= 200 && status < 300, status, text: async () => body };
    },
  };
}
