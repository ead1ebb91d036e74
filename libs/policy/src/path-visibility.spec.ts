import { edgeLearnable, hideChainFrom, hidePath, mostVisiblePath, PathPerson } from './path-visibility.js';

/** A path person: `n` = may not be named, `c` = connections hidden from the viewer; default both fine. */
const p = (spec: string): PathPerson => {
  const [id, flags = ''] = spec.split(':');
  return { id, nameable: !flags.includes('n'), connectionsVisible: !flags.includes('c') };
};
const path = (...specs: string[]) => specs.map(p);

describe('edgeLearnable', () => {
  it('allows an edge of the viewer, or one where either end shows their connections', () => {
    expect(edgeLearnable('v', p('v:c'), p('a:c'))).toBe(true);
    expect(edgeLearnable('v', p('a:c'), p('v:c'))).toBe(true);
    expect(edgeLearnable('v', p('a'), p('b:c'))).toBe(true);
    expect(edgeLearnable('v', p('a:c'), p('b'))).toBe(true);
    expect(edgeLearnable('v', p('a:c'), p('b:c'))).toBe(false);
  });
});

describe('hidePath', () => {
  it('shows a fully visible path as it is', () => {
    expect(hidePath('v', path('v', 'a', 'b', 't'))).toEqual(['v', 'a', 'b', 't']);
  });

  it('hides an intermediary the viewer may not name, never the viewer or the target', () => {
    expect(hidePath('v', path('v', 'a:n', 't'))).toEqual(['v', null, 't']);
    expect(hidePath('v', path('v:n', 'a', 't:n'))).toEqual(['v', 'a', 't']);
  });

  it('hides one end of an edge the viewer may not learn: the later one, or the earlier one before the target', () => {
    expect(hidePath('v', path('v', 'a:c', 'b:c', 'c', 't'))).toEqual(['v', 'a', null, 'c', 't']);
    expect(hidePath('v', path('v', 'a', 'b:c', 't:c'))).toEqual(['v', 'a', null, 't']);
    // The viewer's own edges are always learnable.
    expect(hidePath('v', path('v:c', 'a:c', 't'))).toEqual(['v', 'a', 't']);
  });

  it('does not hide more than needed when a hidden person already covers the edge', () => {
    expect(hidePath('v', path('v', 'a:nc', 'b:c', 't'))).toEqual(['v', null, 'b', 't']);
  });

  it('leaves no named pair whose edge is unlearnable, on every small path', () => {
    const flagSets = ['', 'n', 'c', 'nc'];
    for (let length = 2; length <= 5; length += 1) {
      const total = flagSets.length ** length;
      for (let code = 0; code < total; code += 1) {
        const people = Array.from({ length }, (_, i) =>
          p(`${i === 0 ? 'v' : `x${i}`}:${flagSets[Math.floor(code / flagSets.length ** i) % flagSets.length]}`),
        );
        const shown = hidePath('v', people);
        expect([shown[0], shown[length - 1]]).toEqual([people[0].id, people[length - 1].id]);
        for (let i = 1; i < length; i += 1) {
          if (shown[i - 1] !== null && shown[i] !== null)
            expect(edgeLearnable('v', people[i - 1], people[i])).toBe(true);
          if (i < length - 1 && shown[i] !== null) expect(people[i].nameable).toBe(true);
        }
      }
    }
  });
});

describe('mostVisiblePath', () => {
  it('prefers a fully visible path of the same length, then the fewest placeholders, then id order', () => {
    expect(mostVisiblePath('v', [path('v', 'a:n', 't'), path('v', 'b', 't')])).toEqual(['v', 'b', 't']);
    expect(
      mostVisiblePath('v', [path('v', 'a:n', 'b:n', 't'), path('v', 'c', 'd:n', 't'), path('v', 'e:n', 'f', 't')]),
    ).toEqual(['v', 'c', null, 't']);
    expect(mostVisiblePath('v', [path('v', 'b', 't'), path('v', 'a', 't')])).toEqual(['v', 'a', 't']);
  });

  it('answers null without candidates', () => {
    expect(mostVisiblePath('v', [])).toBeNull();
  });
});

describe('hideChainFrom', () => {
  it('reads the path rules from the viewer at the start, like hidePath', () => {
    expect(hideChainFrom('r', path('r', 'a:c', 'b:c', 't'))).toEqual(['r', 'a', null, 't']);
  });

  it('from the end, hides the person farther from the viewer, never the chain’s start', () => {
    expect(hideChainFrom('t', path('r:c', 'a:c', 't'))).toEqual(['r', null, 't']);
    expect(hideChainFrom('t', path('r', 'a:c', 'b:c', 't'))).toEqual(['r', null, 'b', 't']);
    expect(hideChainFrom('t', path('r:c', 'a', 'b', 't'))).toEqual(['r', 'a', 'b', 't']);
  });

  it('from the middle, applies the rules towards each end, keeping both ends', () => {
    expect(hideChainFrom('a', path('r:c', 'a:c', 'b:c', 't:c'))).toEqual(['r', 'a', null, 't']);
    expect(hideChainFrom('b', path('r:c', 'a:c', 'b', 't:c'))).toEqual(['r', null, 'b', 't']);
    expect(hideChainFrom('b', path('r', 'a:nc', 'b', 't'))).toEqual(['r', null, 'b', 't']);
  });

  it('shows nothing to someone outside the chain', () => {
    expect(hideChainFrom('x', path('r', 'a', 't'))).toEqual([null, null, null]);
  });
});
