// The Lance table of passages: an id, its document (for the filter), its text and heading as space-joined
// jieba tokens (what LanceDB's full-text index reads), and its bge vector.
import { Field, FixedSizeList, Float32, Schema, Utf8 } from 'apache-arrow';
import { headingOf, type Passage } from '../../../ingest/document-model.js';
import { tokenize } from '../../tokenize/tokenize.js';
import { indexedTerms } from '../../tokenize/text-analysis.js';

export const TABLE = 'passages';

export const passageSchema = (dimensions: number) =>
  new Schema([
    new Field('id', new Utf8(), false),
    new Field('doc_id', new Utf8(), false),
    new Field('text', new Utf8(), false),
    new Field('title', new Utf8(), false),
    new Field('vector', new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false),
  ]);

export interface PassageRow extends Record<string, unknown> {
  id: string;
  doc_id: string;
  /** The passage's jieba tokens, space-joined, repeats kept (BM25 counts them). */
  text: string;
  title: string;
  vector: number[];
}

export const toRow = (p: Passage, vector: Float32Array): PassageRow => ({
  id: p.id,
  doc_id: p.docId,
  text: indexedTerms(p).join(' '),
  title: tokenize(headingOf(p)).join(' '),
  vector: Array.from(vector),
});
