/** Longest message a connection request may carry. */
export const MESSAGE_MAX = 1000;

/** Deepest connectionPath search a client may ask for (the default, too). */
export const MAX_PATH_DEPTH = 6;

/** connectionDegree is reported up to this distance and null beyond it. */
export const MAX_DEGREE = 3;
