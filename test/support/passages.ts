// A passage made from a text, for ranking-stage tests that need no index: one paragraph, its
// sentences split as reading splits them.
import type { Passage } from '../../src/ingest/document-model.js';
import { splitSentences } from '../../src/ingest/split-sentences.js';

export const passageOf = (docId: string, title: string, text: string, id = `${docId}:0:0`): Passage => ({
  id,
  docId,
  articleIndex: 0,
  title,
  paragraphIndex: 0,
  anchor: 'p0',
  text,
  start: 0,
  end: text.length,
  sourceStart: 0,
  sourceEnd: text.length,
  sentences: splitSentences(text),
});
