import { websiteHost } from '#tradegraph/common';
import { MatchCandidate, matchSupplier, vatKey } from './supplier-matching.js';

const candidates: MatchCandidate[] = [
  { id: 'o1', name: 'Nordstahl Components GmbH', domain: 'nordstahl.example', vatNumber: 'DE123456789' },
  { id: 'o2', name: 'Baltic Polymers AB', domain: 'balticpolymers.example', vatNumber: null },
  { id: 'o3', name: 'Twin Name Ltd', domain: 'shared.example', vatNumber: null },
  { id: 'o4', name: 'Twin Name Ltd', domain: 'shared.example', vatNumber: null },
];

describe('matchSupplier', () => {
  it('matches by id first, and an unknown id matches nothing even with a known name', () => {
    expect(matchSupplier({ id: 'o2', name: 'Nordstahl Components GmbH' }, candidates)).toEqual({
      organizationId: 'o2',
      by: 'id',
    });
    expect(matchSupplier({ id: 'nope', name: 'Baltic Polymers AB' }, candidates)).toEqual({
      organizationId: null,
      reason: 'No organization has the id nope.',
    });
  });

  it('then by VAT number, website domain and name, ignoring case, spacing and the www. of a website', () => {
    expect(matchSupplier({ vatNumber: 'de 123.456-789', name: 'Other' }, candidates)).toMatchObject({
      organizationId: 'o1',
      by: 'vatNumber',
    });
    expect(matchSupplier({ website: 'https://WWW.balticpolymers.example/en/' }, candidates)).toMatchObject({
      organizationId: 'o2',
      by: 'website',
    });
    expect(matchSupplier({ name: '  baltic   polymers ab ' }, candidates)).toMatchObject({
      organizationId: 'o2',
      by: 'name',
    });
  });

  it('matches nothing when several organizations share the domain or name', () => {
    expect(matchSupplier({ website: 'shared.example' }, candidates)).toEqual({
      organizationId: null,
      reason: '2 organizations have the website shared.example.',
    });
    expect(matchSupplier({ name: 'Twin Name Ltd' }, candidates)).toEqual({
      organizationId: null,
      reason: '2 organizations have the name twin name ltd.',
    });
    expect(matchSupplier({ name: 'Unknown GmbH' }, candidates)).toEqual({
      organizationId: null,
      reason: 'No organization matches the supplier "Unknown GmbH".',
    });
  });

  it('reads domains and VAT numbers the way ERPs write them', () => {
    expect(websiteHost('http://www.example.com:8080/path?q=1')).toBe('example.com');
    expect(websiteHost('example.com')).toBe('example.com');
    expect(websiteHost('localhost')).toBeNull();
    expect(websiteHost('')).toBeNull();
    expect(vatKey('gb 123 4567 89')).toBe('GB123456789');
  });
});
