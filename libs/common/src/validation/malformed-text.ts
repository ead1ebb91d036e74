/** A lone UTF-16 surrogate: half of a character, which no text can contain (and some validators throw on). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The dotted path of the first string in `value` that holds a lone surrogate, or undefined when all
 * are well-formed. Arrays count their index as a path segment, like class-validator does.
 */
export function malformedTextPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = malformedTextPath(child, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
