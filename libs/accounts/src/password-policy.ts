import { badInput } from '#tradegraph/common';
import { PASSWORD_MAX, PASSWORD_MIN } from './dto/register.input.js';
import commonPasswords from './data/common-passwords.json' with { type: 'json' };

const COMMON = new Set<string>(commonPasswords);

/**
 * The password rules beyond length (checked by the input types): not one of the 10,000 most common
 * passwords (data/common-passwords.json) and not the account's email address, both case-insensitively.
 * Throws BAD_USER_INPUT naming `field`. The length is checked again for arguments outside input types.
 */
export function assertPasswordAllowed(password: string, email: string, field: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw badInput(field, `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
  const lower = password.trim().toLowerCase();
  if (COMMON.has(lower)) {
    throw badInput(field, 'This password is among the most common ones; choose another.');
  }
  if (lower === email.trim().toLowerCase()) throw badInput(field, 'The password must not be your email address.');
}
