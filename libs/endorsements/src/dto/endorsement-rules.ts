export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const COMMENT_MAX = 2000;
