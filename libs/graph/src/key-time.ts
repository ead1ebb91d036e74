/**
 * Cypher: a temporal property as the UTC ISO-8601 string (to the nanosecond) a keyset cursor holds,
 * whatever offset or zone it was stored with; `datetime(<that string>)` reads it back as the same instant.
 */
export const KEY_TIME = (property: string): string =>
  `toString(datetime.fromepoch(${property}.epochSeconds, ${property}.nanosecond))`;
