import { SeededRandom } from './seeded-random.js';

const DAY_MS = 24 * 3600 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days and timestamps of the generated network, counted back from the given `today` (never the
 * system clock). Everything lands before `today`, so nothing generated lies in the future.
 */
export class NetworkClock {
  /** Day number (days since 1970-01-01) of today. */
  readonly today: number;

  constructor(today: string) {
    const match = ISO_DATE.exec(today);
    const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : NaN;
    if (!match || new Date(day * DAY_MS).toISOString().slice(0, 10) !== today) {
      throw new RangeError(`today must be a date written yyyy-mm-dd (got "${today}").`);
    }
    this.today = day;
  }

  /** The day `days` before today. */
  daysAgo(days: number): number {
    return this.today - days;
  }

  /** 'yyyy-mm-dd' of a day number. */
  date(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  year(day: number): number {
    return new Date(day * DAY_MS).getUTCFullYear();
  }

  /** A moment during working hours (07:00 to 18:59 UTC) of the day, at the latest yesterday. */
  at(day: number, random: SeededRandom): number {
    const latest = Math.min(day, this.today - 1);
    return latest * DAY_MS + random.int(7 * 3600, 19 * 3600 - 1) * 1000;
  }

  /** A moment from a few minutes to `maxHours` after `moment`, but never today or later. */
  after(moment: number, maxHours: number, random: SeededRandom): number {
    const later = moment + random.int(5 * 60, Math.max(5 * 60, maxHours * 3600)) * 1000;
    return Math.max(moment, Math.min(later, this.today * DAY_MS - 1000));
  }

  /** The day number of a moment. */
  dayOf(moment: number): number {
    return Math.floor(moment / DAY_MS);
  }

  iso(moment: number): string {
    return new Date(moment).toISOString();
  }
}
