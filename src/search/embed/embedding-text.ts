// The text a passage is embedded as: its heading gives a short paragraph its subject. Passages and
// questions are embedded in their matching form (traditional characters as simplified, full-width as
// half-width): bge-small-zh learned mostly simplified Chinese, and a question asked in one script must
// find a passage written in the other. The original text is what is shown.
import { headingOf, type Passage } from '../../ingest/document-model.js';
import { normalizeForMatch } from '../../text/normalize.js';

export const embeddingText = (p: Passage) => normalizeForMatch(`${headingOf(p)}\n${p.text}`);

export const queryEmbeddingText = (question: string) => normalizeForMatch(question);
