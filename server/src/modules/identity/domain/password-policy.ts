import type { FieldIssue } from '../../../platform/errors.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Returns why a password is refused, or undefined when it is acceptable. */
export function checkPassword(password: string, username: string): FieldIssue | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      field: 'password',
      rule: 'min_length',
      message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return {
      field: 'password',
      rule: 'max_length',
      message: `Password must be at most ${MAX_PASSWORD_LENGTH} characters`,
    };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return {
      field: 'password',
      rule: 'contains_username',
      message: 'Password must not contain the username',
    };
  }
  if (new Set(password).size < 5) {
    return {
      field: 'password',
      rule: 'too_repetitive',
      message: 'Password must use at least 5 different characters',
    };
  }
  return undefined;
}
