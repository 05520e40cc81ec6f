import type { FastifyInstance } from 'fastify';
import { DomainError, type FieldIssue } from '../errors.js';

/**
 * Text PostgreSQL cannot store (a NUL character, or UTF-16 with a lone surrogate, which
 * has no UTF-8 form) fails the statement that writes it, and with it every neighbour in a
 * shared transaction. So the gateway refuses such text in any part of any request (body,
 * query, path parameters, object keys included) before a route sees it, naming where it
 * was found. Nesting is bounded too: no route takes documents this deep, and walking one
 * must not cost the process its stack.
 */
export const MAX_NESTING = 32;

type Located = { value: unknown; path: string; depth: number };

/** The first unstorable piece of text in `value`, or a nesting too deep to walk. */
export function findUnstorableText(value: unknown, root: string): FieldIssue | undefined {
  const pending: Located[] = [{ value, path: root, depth: 0 }];
  while (pending.length > 0) {
    const { value: v, path, depth } = pending.pop()!;
    if (typeof v === 'string') {
      const issue = textIssue(v, path);
      if (issue) return issue;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_NESTING) {
      return {
        field: path,
        rule: 'max_nesting',
        message: `${path} is nested deeper than ${MAX_NESTING} levels`,
      };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        pending.push({ value: v[i], path: `${path}.${i}`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i]!;
      const keyIssue = textIssue(key, `${path}.${printable(key)}`, 'key ');
      if (keyIssue) return keyIssue;
      pending.push({ value: inner, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

// Without the u flag a regex sees UTF-16 code units, so unpaired halves can be matched.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textIssue(text: string, path: string, what = ''): FieldIssue | undefined {
  if (text.includes('\u0000')) {
    return {
      field: path,
      rule: 'no_nul',
      message: `${what}${path} contains a NUL character, which cannot be stored`,
    };
  }
  if (LONE_SURROGATE.test(text)) {
    return {
      field: path,
      rule: 'well_formed_unicode',
      message: `${what}${path} contains a lone UTF-16 surrogate, which is not Unicode text`,
    };
  }
  return undefined;
}

/** A key as it can be shown in a field name: its bad characters escaped. */
function printable(key: string): string {
  return key
    .replaceAll('\u0000', '\\u0000')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), (s) => `\\u${s.charCodeAt(0).toString(16)}`);
}

export function registerStorableTextCheck(app: FastifyInstance): void {
  // preValidation: after the body is parsed, before a schema (or a handler) reads it.
  app.addHook('preValidation', async (request) => {
    const issue =
      findUnstorableText(request.params, 'params') ??
      findUnstorableText(request.query, 'query') ??
      findUnstorableText(request.body, 'body');
    if (issue) throw new DomainError('validation', 'unstorable_text', issue.message, [issue]);
  });
}
