import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long password with varied characters', () => {
    expect(checkPassword('correct-horse-battery', 'alice')).toBeUndefined();
  });

  it('names the rule a short password breaks', () => {
    expect(checkPassword('short', 'alice')?.rule).toBe('min_length');
  });

  it('refuses a password that contains the username whatever its case', () => {
    expect(checkPassword('xxALICE-password-1', 'alice')?.rule).toBe('contains_username');
  });

  it('refuses a long but repetitive password', () => {
    expect(checkPassword('aaaaaaaaaaaaabbbb', 'alice')?.rule).toBe('too_repetitive');
  });
});
