// Paragraphs → passages: runs of whole sentences, overlapping by a sentence, never crossing a
// paragraph, so every passage links to exactly one paragraph anchor.
import { passageId, type ParsedDocument, type Passage } from './document-model.js';
import { sourceSpan } from './mapped-text.js';
import type { Span } from './split-sentences.js';

export interface ChunkOptions {
  /** Passages grow sentence by sentence up to this many characters (a longer sentence stands alone). */
  maxChars: number;
  /** Sentences shared by neighbouring passages of one paragraph. */
  overlapSentences: number;
}

/** Chosen by measurement (BENCHMARKS.md, chunk-size sweep). */
export const DEFAULT_CHUNKING: ChunkOptions = { maxChars: 500, overlapSentences: 1 };

/** Paragraphs shorter than this carry no answer on their own (`陈康摄`, bylines). */
const MIN_PASSAGE_CHARS = 6;

function windows(sentences: Span[], options: ChunkOptions): [number, number][] {
  const out: [number, number][] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1].end - sentences[first].start <= options.maxChars) last++;
    out.push([first, last]);
    if (last === sentences.length - 1) break;
    first = Math.max(first + 1, last + 1 - options.overlapSentences);
  }
  return out;
}

export function chunkDocument(doc: ParsedDocument, options: ChunkOptions = DEFAULT_CHUNKING): Passage[] {
  const passages: Passage[] = [];
  const paragraphs = doc.articles.flatMap((a) => a.paragraphs).filter((p) => p.kind !== 'byline');
  // Headings (kickers, mastheads, lone dates, section titles) say nothing of their own: an article's
  // title and section already go with each of its passages. A document of nothing but a heading or a
  // short note (`明天停水`) keeps it rather than index nothing.
  const hasBody = paragraphs.some((p) => p.kind !== 'heading' && p.text.length >= MIN_PASSAGE_CHARS);
  const minChars = hasBody ? MIN_PASSAGE_CHARS : 1;
  for (const article of doc.articles) {
    for (const paragraph of article.paragraphs) {
      if (paragraph.kind === 'byline' || (hasBody && paragraph.kind === 'heading') || paragraph.text.length < minChars) continue;
      windows(paragraph.sentences, options).forEach(([first, last], k) => {
        const start = paragraph.sentences[first].start;
        const end = paragraph.sentences[last].end;
        const source = sourceSpan(paragraph, start, end);
        passages.push({
          id: passageId(doc.id, paragraph.index, k),
          docId: doc.id,
          articleIndex: article.index,
          title: article.title,
          ...(paragraph.section ? { section: paragraph.section } : {}),
          paragraphIndex: paragraph.index,
          anchor: paragraph.anchor,
          text: paragraph.text.slice(start, end),
          start,
          end,
          sourceStart: source.start,
          sourceEnd: source.end,
          sentences: paragraph.sentences.slice(first, last + 1).map((s) => ({ start: s.start - start, end: s.end - start })),
          ...(paragraph.page ? { page: paragraph.page } : {}),
          ...(paragraph.tableRow ? { tableRow: paragraph.tableRow } : {}),
        });
      });
    }
  }
  return passages;
}
