// A built index: the corpus (the cleaned documents for display, their passages and vectors) and the
// backend's searchable index over it.
import type { ParagraphKind } from '../../ingest/classify-line.js';
import type { ScanPage } from '../../ingest/formats/ocr.js';
import type { Span } from '../../ingest/split-sentences.js';
import type { Corpus } from './corpus.js';
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
  /** Documents, passages and vectors by id. */
  corpus: Corpus;
  dimensions: number;
  search: PassageIndex;
}
