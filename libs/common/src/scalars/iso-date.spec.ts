import { isIsoDate, todayIso } from './iso-date.js';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '1999-12-31', '2026-01-01'])('accepts the real date %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-1-01', '24-01-01', '2024-01-01T00:00:00Z', ''])('rejects %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('gives today in UTC', () => {
    expect(todayIso(new Date('2026-03-04T23:59:59Z'))).toBe('2026-03-04');
  });
});
