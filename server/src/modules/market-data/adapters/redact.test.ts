import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.js';

describe('redacting keys', () => {
  it('masks key parameters of any URL and the configured values wherever they appear', () => {
    const text =
      'GET https://api.eia.gov/v2/x?api_key=abc123&frequency=hourly failed; ' +
      'https://api.openweathermap.org/data/2.5/weather?lat=51&appid=9f%2Bkey; token abc123 again';
    expect(redactSecrets(text, ['abc123', '9f+key', undefined])).toBe(
      'GET https://api.eia.gov/v2/x?api_key=***&frequency=hourly failed; ' +
        'https://api.openweathermap.org/data/2.5/weather?lat=51&appid=***; token *** again',
    );
  });

  it('leaves text without keys as it is', () => {
    expect(redactSecrets('ENTSO-E answered 503: maintenance', ['s3cret'])).toBe(
      'ENTSO-E answered 503: maintenance',
    );
  });
});
