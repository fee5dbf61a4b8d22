// What a built index holds in memory: the cleaned documents for display, the passages, their
// vectors, and the backend's searchable index over them.
import type { Passage } from '../../ingest/chunk-passages.js';
import type { ParagraphKind } from '../../ingest/classify-line.js';
import type { ScanPage } from '../../ingest/formats/ocr.js';
import type { Span } from '../../ingest/split-sentences.js';
import type { PassageIndex } from './passage-index.js';

export interface StoredParagraph {
  index: number;
  anchor: string;
  kind: ParagraphKind;
  text: string;
  section?: string;
  sourceStart: number;
  sourceEnd: number;
  sentences: Span[];
  /** 1-based page, for paged sources. */
  page?: number;
}

export interface StoredDocument {
  id: string;
  path: string;
  /** Hash of the file's path and text: a re-index keeps an unchanged file's parse and vectors. */
  sourceHash: string;
  title: string;
  articles: { index: number; title: string; paragraphs: StoredParagraph[] }[];
  /** For scans: the page images and where each line of text is on them. */
  scans?: ScanPage[];
}

export interface CorpusIndex {
  documents: StoredDocument[];
  passages: Passage[];
  /** passages.length × dimensions, row i belongs to passages[i]. */
  vectors: Float32Array;
  dimensions: number;
  search: PassageIndex;
  passageById: Map<string, Passage>;
  /** Row of a passage's vector in `vectors`. */
  rowById: Map<string, number>;
  documentById: Map<string, StoredDocument>;
}

export function lookups(documents: StoredDocument[], passages: Passage[]) {
  return {
    passageById: new Map(passages.map((p) => [p.id, p])),
    rowById: new Map(passages.map((p, i) => [p.id, i])),
    documentById: new Map(documents.map((d) => [d.id, d])),
  };
}
