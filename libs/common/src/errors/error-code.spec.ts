import * as fs from 'node:fs';
import { ERROR_CODES, UNIVERSAL_ERROR_CODES } from './error-code.js';

/** The codes in the first column of the table under "## Codes" in docs/errors.md. */
function documentedCodes(): string[] {
  const doc = fs.readFileSync('docs/errors.md', 'utf8');
  const section = doc.split(/^## Codes$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
}

describe('ERROR_CODES', () => {
  it('is exactly the list of codes in the table of docs/errors.md, each once', () => {
    const documented = documentedCodes();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('has no duplicates, and the universal codes are among them', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of UNIVERSAL_ERROR_CODES) expect(ERROR_CODES).toContain(code);
  });
});
