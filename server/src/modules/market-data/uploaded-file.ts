import { DomainError } from '../../platform/errors.js';

/**
 * Parses a file a client uploaded with a reader that was written for a source's
 * responses. A source that answers an unreadable file is an outage (503), but an upload
 * that cannot be read is the client's mistake: a 400 naming the field that carried it.
 */
export function readUploadedFile<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'malformed_market_data') {
      const message = err.message.replace(
        /^.*? response is malformed: /,
        `${field} is not a readable file: `,
      );
      throw new DomainError('validation', 'unreadable_file', message, [
        { field, rule: 'file_format', message },
      ]);
    }
    throw err;
  }
}
