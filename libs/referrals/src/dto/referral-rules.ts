export const MESSAGE_MAX = 1000;
