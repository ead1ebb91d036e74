/** Limits of conversations and inquiries (docs and validation messages read them from here). */
export const MESSAGE_MAX = 10_000;
export const SUBJECT_MAX = 200;
/** Others in one conversation besides its starter. */
export const OTHERS_MIN = 1;
export const OTHERS_MAX = 9;
/** How long after sending the sender may edit or delete a message. */
export const EDIT_WINDOW_MINUTES = 15;
/** The text a deleted message shows. */
export const DELETED_TEXT = 'message deleted';
