// Limits that the server enforces and the page states, in one place so the two never disagree.

/** A question (and a follow-up's context) at most this many characters. */
export const MAX_QUESTION_CHARS = 500;

/** Ranked passages returned: 1..20, five unless asked otherwise. */
export const TOP_K = { min: 1, max: 20, default: 5 } as const;

/** An added text, Markdown or HTML file at most 2 MB: several hundred pages of text, far past any notice or report. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** An added PDF, Word file or page image at most 20 MB: pictures and fonts take most of the room. */
export const MAX_BINARY_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A document sent as JSON: its title at most this many characters. */
export const MAX_TITLE_CHARS = 200;
