export const DESCRIPTION_MAX = 2000;
export const COMMENT_MAX = 1000;
/** A request reaches the requester's direct connections, or also theirs. */
export const MAX_REQUEST_DEGREE = 2;
