// Limits that the server enforces and the page states, in one place so the two never disagree.

/** A question (and a follow-up's context) at most this many characters. */
export const MAX_QUESTION_CHARS = 500;

/** Ranked passages returned: 1..20, five unless asked otherwise. */
export const TOP_K = { min: 1, max: 20, default: 5 } as const;

/** An added text, Markdown or HTML file at most 2 MB: several hundred pages of text, far past any notice or report. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** An added PDF, Word file or page image at most 20 MB: pictures and fonts take most of the room. */
export const MAX_BINARY_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Files one upload from the page may carry (all within one request's 20 MB): a batch, not a folder copy, which the corpus folder is for. */
export const MAX_FILES_PER_UPLOAD = 20;

/** A document sent as JSON: its title at most this many characters. */
export const MAX_TITLE_CHARS = 200;

/**
 * A corpus file larger than this is skipped with its reason, before it is read: the text of a 595 MB
 * file cannot even be held as one string. Far past any report or book (a 2,000-page PDF is 3–20 MB).
 */
export const MAX_CORPUS_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The most text one file may give, in characters: a 2,000-page book gives about 4 million. Reading
 * keeps several numbers per character (where each came from), so 20 million is already gigabytes.
 */
export const MAX_DOCUMENT_CHARS = 20_000_000;
