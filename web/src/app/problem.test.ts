// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeFailure, fieldError } from './problem';

describe('describing a failed request', () => {
  it('keeps the field errors of a validation problem so forms can show them beside the fields', () => {
    const failure = describeFailure({
      status: 400,
      data: {
        title: 'Invalid request',
        status: 400,
        requestId: 'r1',
        errors: [{ field: 'body.password', rule: 'min', message: 'Too short' }],
      },
    });
    expect(fieldError(failure, 'password')).toBe('Too short');
    expect(fieldError(failure, 'username')).toBeNull();
  });

  it('says the server cannot be reached when the network fails', () => {
    expect(
      describeFailure({ status: 'FETCH_ERROR', error: 'TypeError: Failed to fetch' }).title,
    ).toBe('Cannot reach the server');
  });
});
