import { malformedTextPath } from './malformed-text.js';

describe('malformedTextPath', () => {
  it('finds the first string holding a lone surrogate, by dotted path', () => {
    expect(malformedTextPath({ email: '\ud800@example.com' })).toBe('email');
    expect(malformedTextPath({ input: { tags: ['ok', 'bad \udc00'] } })).toBe('input.tags.1');
  });

  it('accepts well-formed text, astral characters included', () => {
    expect(malformedTextPath({ name: 'Ada 😀 Lindqvist', count: 3, nothing: null })).toBeUndefined();
  });
});
