import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule.js';

const schema = buildSchema(`
  type Person { name: String, friends: [Person] }
  type Query { me: Person }
`);

const errorsFor = (query: string, max: number) => validate(schema, parse(query), [depthLimitRule(max)]);

describe('depthLimitRule', () => {
  it('accepts operations up to the limit', () => {
    expect(errorsFor('{ me { friends { name } } }', 2)).toEqual([]);
  });

  it('rejects deeper operations with BAD_USER_INPUT', () => {
    const [error] = errorsFor('{ me { friends { friends { name } } } }', 2);
    expect(error.message).toBe('The operation nests 3 levels deep; at most 2 are allowed.');
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('counts depth through fragments and inline fragments, and survives fragment cycles', () => {
    const query = `
      { me { ...F } }
      fragment F on Person { friends { ... on Person { friends { name } } } }`;
    expect(errorsFor(query, 2)).toHaveLength(1);
    expect(errorsFor(query, 3)).toEqual([]);
    expect(errorsFor('{ me { ...A } } fragment A on Person { friends { ...A } }', 5)).toEqual([]);
  });
});
