import { amountBandOf } from './amount-bands.js';
import { AmountBand } from './models/amount-band.enum.js';

describe('amountBandOf', () => {
  it.each([
    [0, 'EUR', AmountBand.UNDER_10K],
    [9_999.99, 'eur', AmountBand.UNDER_10K],
    [10_000, 'EUR', AmountBand.FROM_10K_TO_100K],
    [100_000, 'EUR', AmountBand.FROM_100K_TO_1M],
    [1_000_000, 'EUR', AmountBand.FROM_100K_TO_1M],
    [1_000_000.01, 'EUR', AmountBand.OVER_1M],
    [100_000, 'SEK', AmountBand.UNDER_10K],
    [1_000_000, 'SEK', AmountBand.FROM_10K_TO_100K],
    [1_000_000, 'USD', AmountBand.FROM_100K_TO_1M],
  ])('puts %d %s in %s', (amount, currency, band) => {
    expect(amountBandOf(amount, currency)).toBe(band);
  });

  it('knows no band for a currency without a reference rate', () => {
    expect(amountBandOf(100, 'XYZ')).toBeNull();
  });
});
