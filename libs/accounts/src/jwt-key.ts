import { createSecretKey, KeyObject } from 'node:crypto';

const keys = new Map<string, KeyObject>();

/**
 * The HS256 key of a JWT secret, made once. jsonwebtoken turns a string secret into a key on every
 * sign and verify, first trying it as a public key, which fails and throws: a large part of the
 * CPU of an authenticated request. Given a KeyObject, it uses it as it is.
 */
export function jwtKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret));
    keys.set(secret, key);
  }
  return key;
}
