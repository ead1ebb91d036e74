import { Transform } from 'class-transformer';

export const NAME_MAX = 100;
export const HEADLINE_MAX = 200;

/** Trims strings and upper-cases country codes before validation; other values pass unchanged. */
export const Trim = (): PropertyDecorator => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
export const UpperTrim = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
