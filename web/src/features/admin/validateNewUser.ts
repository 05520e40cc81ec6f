import type { NewUser } from './adminApi';

export type NewUserErrors = Partial<Record<keyof NewUser, string>>;

const usernamePattern = /^[a-zA-Z0-9._-]+$/;
export const minimumPasswordLength = 12;

/** The checks worth making before a round trip; the server checks again and its word wins. */
export function validateNewUser(user: NewUser): NewUserErrors {
  const errors: NewUserErrors = {};
  const username = user.username.trim();
  if (!username) errors.username = 'Enter a username.';
  else if (username.length < 3 || username.length > 64) errors.username = 'Use 3 to 64 characters.';
  else if (!usernamePattern.test(username))
    errors.username = 'Use letters, digits, dots, dashes and underscores only.';

  if (!user.displayName.trim()) errors.displayName = 'Enter the name people will see.';
  else if (user.displayName.length > 200) errors.displayName = 'Use at most 200 characters.';

  if (user.password.length < minimumPasswordLength)
    errors.password = `Use at least ${minimumPasswordLength} characters.`;

  if (user.roles.length === 0) errors.roles = 'Choose at least one role.';
  return errors;
}
