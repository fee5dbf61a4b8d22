// The cleaned document as every other part of xunyuan sees it.
import type { ParagraphKind } from './classify-line.js';
import type { Span } from './split-sentences.js';

export interface Paragraph {
  /** Position in the document, 0-based, across articles. */
  index: number;
  /** Stable HTML anchor of the paragraph, e.g. `p12`. */
  anchor: string;
  kind: ParagraphKind;
  text: string;
  /** map[i] is the source-file offset of text[i]. */
  map: number[];
  sentences: Span[];
  /** Heading of the section the paragraph sits in, if the article has sections. */
  section?: string;
  /** 1-based page the paragraph starts on, for paged sources (PDF). */
  page?: number;
}

export interface Article {
  index: number;
  title: string;
  paragraphs: Paragraph[];
}

export interface ParsedDocument {
  id: string;
  /** Path relative to the corpus folder. */
  path: string;
  title: string;
  articles: Article[];
}
