export const NAME_MAX = 100;
export const HEADLINE_MAX = 200;
