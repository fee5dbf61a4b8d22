// Cross-validation folds split by document, never by question: all questions about one paragraph fall
// in the same fold, so nothing learned from a paragraph is measured on it.
export const FOLDS = 5;

/** A stable fold for a document id. */
export const foldOf = (docId: string) => [...docId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % FOLDS;
