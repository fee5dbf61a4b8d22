// Sentence boundaries inside a cleaned paragraph.
import { isClosingMark, isSentenceEnd } from '../text/char-class.js';

export interface Span {
  start: number;
  end: number;
}

/** Sentences end at 。！？；… (and their half-width forms), taking closing quotes and brackets with them. */
export function splitSentences(text: string): Span[] {
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
  return spans.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}
