import fc from 'fast-check';

/**
 * Request generation for the API fuzz suite (platform/http/fuzz.api.test.ts): a plausible value for a
 * field from its JSON schema in the API's OpenAPI document, and hostile values to put in
 * its place. Test support only; nothing here runs in the server.
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Values a desk would send for fields of these names, so a request gets past the first rule. */
const NAMED: [RegExp, string][] = [
  [/instrument/i, 'PWR-DE-LU-FUT-M-BASE'],
  [/^(book|account|actor|trader)$/i, 'trader'],
  [/area|zone|location|market/i, 'DE-LU'],
  [/currency/i, 'EUR'],
  [/target/i, 'instrument:PWR-DE-LU-DA-H'],
  [/^id$|Id$/, '7d3c1a52-8a6f-4c1e-9b53-2f1d8e9a4c10'],
];

/** A value that satisfies `schema` as far as a schema can say, for the field `name`. */
export function plausible(schema: JsonSchema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice && choice.length > 0)
    return plausible(choice.find((s) => s.type !== 'null') ?? choice[0]!, name);
  if (schema.allOf && schema.allOf.length > 0) return plausible(schema.allOf[0]!, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return plausibleText(schema, name);
    case 'number':
    case 'integer': {
      const low =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const high =
        schema.maximum ??
        (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : low + 10);
      const value = Math.min(Math.max(low, 1), high);
      return type === 'integer' ? Math.ceil(value) : value;
    }
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        plausible(schema.items ?? {}, name),
      );
    case 'object':
      return plausibleObject(schema);
    case undefined:
    default:
      return 'x';
  }
}

export function plausibleObject(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(schema.properties ?? {}))
    out[key] = plausible(inner, key);
  return out;
}

function plausibleText(schema: JsonSchema, name: string): string {
  if (schema.format === 'date-time') return '2026-06-10T10:00:00Z';
  if (schema.format === 'uuid' || schema.pattern?.includes('[0-9a-fA-F]{8}'))
    return NAMED.at(-1)![1];
  if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-06-10';
  const named = NAMED.find(([re]) => re.test(name));
  if (named) return named[1];
  if (schema.pattern) return 'ABC-1';
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** Deeply nested arrays and objects, deeper than any route takes. */
const deep = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
};

const HOSTILE_CONSTANTS: unknown[] = [
  '\u0000',
  'desk\u0000name',
  '\ud800',
  'tail \udfff',
  'x'.repeat(20_000),
  1e308,
  -1e308,
  1.7976931348623157e308,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  2 ** 53 + 1,
  -(2 ** 53 + 1),
  0,
  -1,
  -0.000001,
  '',
  ' ',
  true,
  null,
  [],
  {},
  deep(40),
  '-'.repeat(36),
  '00000000-0000-0000-0000-000000000000',
  "' OR '1'='1' --",
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '2026-06-10T10:00:00+23:59',
  '../../etc/passwd',
  JSON.parse('{"__proto__":{"admin":true}}') as unknown,
  ['a', 1, null],
];

/** Hostile stand-ins for any one field: fixed edge cases and random text, numbers and shapes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Unknown fields a client might add to a body. */
export const unknownFields: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom(
    'role',
    'roles',
    'isAdmin',
    'account',
    'id',
    'status',
    'constructor',
    'extra\u0000',
    'x',
  ),
  hostileValue,
  { maxKeys: 3 },
);

/** Text for a URL: a lone surrogate cannot be percent-encoded, so its UTF-8 replacement is. */
export function urlPart(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return Array.from(new TextEncoder().encode(text), (b) =>
    /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).padStart(2, '0')}`,
  ).join('');
}
