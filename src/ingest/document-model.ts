// The document in its shapes, from the parse to the passages the index holds, and the passage id that
// ties a passage to its paragraph. Every stage after ingest takes its types from here.
import type { ParagraphKind } from './classify-line.js';
import type { ScanPage } from './formats/ocr.js';
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
  /** For a spreadsheet row: its sheet and row number. */
  tableRow?: TableRowPlace;
}

/** Where a row of a spreadsheet is: the sheet (a CSV has none) and the row number the program shows. */
export interface TableRowPlace {
  sheet?: string;
  row: number;
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

/** A paragraph as the index stores it for display: no character map, its span in the source instead. */
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
  tableRow?: TableRowPlace;
}

/** A parsed document as the index stores it. */
export interface StoredDocument {
  id: string;
  path: string;
  /** Hash of the file's path and text: a re-index keeps an unchanged file's parse and vectors. */
  sourceHash: string;
  /** As shown: the document's own title, told apart from another document's same title (`distinct-titles.ts`). */
  title: string;
  /** The document's own title, kept while another document of the folder has the same one. */
  ownTitle?: string;
  articles: { index: number; title: string; paragraphs: StoredParagraph[] }[];
  /** For scans: the page images and where each line of text is on them. */
  scans?: ScanPage[];
}

/** A run of whole sentences of one paragraph: what is embedded, searched and shown. */
export interface Passage {
  id: string;
  docId: string;
  articleIndex: number;
  title: string;
  section?: string;
  paragraphIndex: number;
  anchor: string;
  text: string;
  /** Offsets of the passage inside its paragraph's cleaned text. */
  start: number;
  end: number;
  /** Span in the source file covered by the passage. */
  sourceStart: number;
  sourceEnd: number;
  /** Sentences, as offsets into `text`. */
  sentences: Span[];
  /** 1-based page of a paged source (PDF) the passage's paragraph starts on. */
  page?: number;
  /** For a spreadsheet row: its sheet and row number. */
  tableRow?: TableRowPlace;
  /** Its tokens, worked out when it was indexed (`../search/tokenize/text-analysis.ts`). */
  analysis?: StoredAnalysis;
}

/** A passage's tokens in the compact form its record keeps (`../search/tokenize/text-analysis.ts`). */
export interface StoredAnalysis {
  cuts: string;
  /** The text as matched (`normalizeForMatch`), kept only where that converts its script (Traditional text). */
  normalized?: string;
}

/** A passage's heading: its article title, and its section when it has one. Questions often name it. */
export const headingOf = (p: Pick<Passage, 'title' | 'section'>) => (p.section ? `${p.title} ${p.section}` : p.title);

/** The id of the `k`th passage cut from a paragraph: `doc:paragraph:k`. */
export const passageId = (docId: string, paragraphIndex: number, k: number) => `${docId}:${paragraphIndex}:${k}`;

/** The document a passage id belongs to (a document id may itself hold colons). */
export function docIdOfPassage(id: string): string {
  const k = id.lastIndexOf(':');
  return id.slice(0, id.lastIndexOf(':', k - 1));
}
