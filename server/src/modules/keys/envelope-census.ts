import type { Db } from '../../platform/db/database.js';
import { envelopeKey } from './domain/envelope.js';
import type { EnvelopeHolder } from './envelope-holders.js';

const PAGE = 500;
export const LISTED_RECORDS = 100;

export interface AffectedData {
  /** Envelopes sealed under the version(s) asked about. */
  total: number;
  /** The first of them, holder by holder. */
  records: { holder: string; recordId: string; version: number }[];
  /** Envelopes that did not parse: named, since nothing can open them either. */
  malformed: number;
}

/** Walks every holder's envelopes and reports those of one key (one version, or all but one). */
export async function envelopesOfKey(
  db: Db,
  holders: readonly EnvelopeHolder[],
  keyId: string,
  match: (version: number) => boolean,
): Promise<AffectedData> {
  const out: AffectedData = { total: 0, records: [], malformed: 0 };
  for (const holder of holders) {
    let after: string | null = null;
    for (;;) {
      const page = await holder.page(db, after, PAGE);
      for (const { recordId, envelope } of page) {
        let key: ReturnType<typeof envelopeKey>;
        try {
          key = envelopeKey(envelope);
        } catch {
          out.malformed += 1;
          continue;
        }
        if (key.keyId !== keyId || !match(key.keyVersion)) continue;
        out.total += 1;
        if (out.records.length < LISTED_RECORDS)
          out.records.push({ holder: holder.name, recordId, version: key.keyVersion });
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.recordId;
    }
  }
  return out;
}
