import { Transform } from 'class-transformer';

/** Trims string input before validation; other values pass unchanged. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and upper-cases string input (country codes) before validation. */
export const UpperTrim = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
