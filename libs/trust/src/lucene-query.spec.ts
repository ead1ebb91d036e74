import { toLuceneQuery } from './lucene-query.js';

describe('toLuceneQuery', () => {
  it('matches each word exactly (boosted) or as a prefix', () => {
    expect(toLuceneQuery('steel  fasteners')).toBe('steel^2 OR steel* OR fasteners^2 OR fasteners*');
  });

  it('escapes Lucene syntax so user text cannot break or widen the query', () => {
    expect(toLuceneQuery('a+b e:f*')).toBe('a\\+b^2 OR a\\+b* OR e\\:f\\*^2 OR e\\:f\\**');
    expect(toLuceneQuery('(c)')).toBe('\\(c\\)^2 OR \\(c\\)*');
  });

  it('drops bare boolean operators and returns null for blank text', () => {
    expect(toLuceneQuery('steel AND')).toBe('steel^2 OR steel*');
    expect(toLuceneQuery('   ')).toBeNull();
  });
});
