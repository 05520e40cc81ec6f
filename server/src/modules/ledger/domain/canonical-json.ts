/**
 * The bytes a record is hashed as: JSON with object keys sorted (by UTF-16 code units, as
 * RFC 8785 does), no whitespace, and nothing JSON cannot say exactly. For the values the
 * ledger records (strings, safe integers, finite decimals, booleans, null) this is RFC 8785's
 * output, so an outside verifier with any JCS library reaches the same bytes.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const parts: string[] = [];
    for (const k of keys) {
      const v = value[k];
      if (v === undefined) throw new TypeError(`canonical JSON has no undefined (key ${k})`);
      parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
