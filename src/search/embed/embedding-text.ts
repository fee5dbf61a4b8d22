// The text a passage is embedded as: its heading gives a short paragraph its subject.
import { headingOf, type Passage } from '../../ingest/chunk-passages.js';

export const embeddingText = (p: Passage) => `${headingOf(p)}\n${p.text}`;
