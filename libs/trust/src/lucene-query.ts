const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns free text typed by a user into a safe Lucene query for the full-text index: special
 * characters are escaped, and each word matches exactly (boosted) or as a prefix, so
 * "fasten" finds "Fasteners". Null when the text has no words.
 */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(SPECIAL, (char) => `\\${char}`))
    .filter((word) => word.length > 0 && !/^(AND|OR|NOT)$/.test(word))
    .slice(0, 20);
  if (words.length === 0) return null;
  return words.map((word) => `${word}^2 OR ${word}*`).join(' OR ');
}
