// Sentence boundaries inside a cleaned paragraph.
import { isClosingMark, isSentenceEnd } from '../text/char-class.js';

export interface Span {
  start: number;
  end: number;
}

/**
 * No sentence is longer than this (the passage size, so a passage holds at least one whole sentence
 * and never more than this): text without sentence punctuation (a table dump, a log, OCR run
 * together) is cut at clause marks, then at spaces, then at this length.
 */
export const MAX_SENTENCE_CHARS = 500;

const CLAUSE_MARK = /[，,、；;：:]/;

/** Where to cut an over-long sentence before `limit`: after the last clause mark or space in its second half, else at the limit. */
function cutBefore(text: string, from: number, limit: number): number {
  for (const mark of [CLAUSE_MARK, /\s/]) {
    for (let i = limit - 1; i > from + (limit - from) / 2; i--) if (mark.test(text[i])) return i + 1;
  }
  // Never between the two halves of a surrogate pair.
  return /[\uDC00-\uDFFF]/.test(text[limit] ?? '') ? limit - 1 : limit;
}

function bounded(text: string, span: Span, max: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    const end = cutBefore(text, start, start + max);
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: span.end });
  return out;
}

/** Sentences end at 。！？；… (and their half-width forms), taking closing quotes and brackets with them. */
export function splitSentences(text: string, maxChars = MAX_SENTENCE_CHARS): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (isSentenceEnd(text[i])) {
      let end = i + 1;
      while (end < text.length && (isSentenceEnd(text[end]) || isClosingMark(text[end]))) end++;
      spans.push({ start, end });
      start = end;
      i = end;
      continue;
    }
    i++;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.flatMap((s) => bounded(text, s, maxChars)).filter((s) => text.slice(s.start, s.end).trim().length > 0);
}
