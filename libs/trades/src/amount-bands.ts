import { AmountBand } from './models/amount-band.enum.js';

/**
 * Rough euro value of one unit of each currency an import accepts. Amount bands are an order of
 * magnitude (10k, 100k, 1M), so fixed reference rates are precise enough; add a currency here to accept it.
 */
export const EURO_RATES: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 0.92,
  GBP: 1.17,
  CHF: 1.05,
  SEK: 0.087,
  NOK: 0.085,
  DKK: 0.134,
  PLN: 0.23,
  CZK: 0.04,
  HUF: 0.0025,
  CAD: 0.67,
  AUD: 0.6,
  JPY: 0.0061,
  CNY: 0.127,
  INR: 0.011,
};

/** The band of an amount in a currency (ISO 4217 code, any case); null for a currency without a rate. */
export function amountBandOf(amount: number, currency: string): AmountBand | null {
  const rate = EURO_RATES[currency.trim().toUpperCase()];
  if (rate === undefined) return null;
  const euros = amount * rate;
  if (euros < 10_000) return AmountBand.UNDER_10K;
  if (euros < 100_000) return AmountBand.FROM_10K_TO_100K;
  if (euros <= 1_000_000) return AmountBand.FROM_100K_TO_1M;
  return AmountBand.OVER_1M;
}
