import { hidesPerson, hidingPeople, withholdsEvidenceObject } from './hidden-people.js';

describe('hidingPeople and hidesPerson', () => {
  const trade = { id: 't1', recordedById: 'ann', confirmedById: 'bob' };

  it('marks a copy, so the same object elsewhere still names everyone', () => {
    const hidden = hidingPeople(trade, ['ann'])!;
    expect(hidesPerson(hidden, hidden.recordedById)).toBe(true);
    expect(hidesPerson(hidden, hidden.confirmedById)).toBe(false);
    expect(hidesPerson(trade, trade.recordedById)).toBe(false);
    expect(hidden).toMatchObject(trade);
  });

  it('leaves an object with nobody to hide, and null, as they are', () => {
    expect(hidingPeople(trade, [])).toBe(trade);
    expect(hidingPeople(null, ['ann'])).toBeNull();
    expect(hidesPerson(hidingPeople(trade, ['ann'])!, null)).toBe(false);
  });
});

describe('withholdsEvidenceObject', () => {
  it('withholds the endorsement or trade of evidence that hides anyone', () => {
    expect(withholdsEvidenceObject({ hidden: false, hiddenPersonIds: [] })).toBe(false);
    expect(withholdsEvidenceObject({ hidden: true, hiddenPersonIds: [] })).toBe(true);
    expect(withholdsEvidenceObject({ hidden: false, hiddenPersonIds: ['ann'] })).toBe(true);
  });
});
