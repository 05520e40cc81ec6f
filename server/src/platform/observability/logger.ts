import type { LoggerOptions } from 'pino';

/**
 * pino options shared by the server and the CLI. Credentials are redacted wherever
 * they appear, so that a secret never reaches a log line.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.totp',
        '*.accessToken',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  };
}
