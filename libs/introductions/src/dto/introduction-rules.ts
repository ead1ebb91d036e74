/** Longest requester message and responder note, in characters. */
export const MESSAGE_MAX = 1000;
/** A path holds one or two intermediaries, then the target. */
export const PATH_MIN = 2;
export const PATH_MAX = 3;
