// Cleaning of one source line for display: Markdown heading marks out, runs of whitespace one space,
// and in OCR'd text (`ocr-spacing.ts`) the spaces OCR put between Chinese characters out.
import { isSpacedWordChar } from '../text/char-class.js';
import type { MappedText } from './mapped-text.js';

/**
 * A `#` line longer than this is text, not a heading: every passage carries its part's title, so one
 * 300,000-character heading over 200 parts made a 0.9 MB file 60 MB of passages. Real headings in the
 * development documents are under 60 characters.
 */
export const MAX_HEADING_CHARS = 200;

export interface CleanLine extends MappedText {
  /** Markdown heading level (1-6) if the line was a `#` heading, else 0. */
  headingLevel: number;
}

/** Characters after which a following Latin word keeps its space ("Hello, world", "3.5 GHz"). */
const keepsSpaceAfter = (ch: string) => isSpacedWordChar(ch) || /[.,;:!?%)\]'"]/.test(ch);

/**
 * `line` starts at `offset` in the source. A run of whitespace inside the line becomes one space,
 * where its author put it (`第十七条 已满十六周岁`). In OCR'd text (`ocrSpaced`), where OCR inserts
 * spaces between Chinese characters (`中国共 产党`), a run survives only between Latin words or
 * numbers, or when it holds a full-width space or a tab: office documents separate fields with those
 * (`下午2点　地点：…`), which OCR never produces.
 */
export function cleanLine(line: string, offset: number, ocrSpaced = true): CleanLine {
  let start = 0;
  let headingLevel = 0;
  const heading = /^\s*(#{1,6})(?=\s|$)\s*/.exec(line);
  if (heading) {
    headingLevel = line.length - heading[0].length <= MAX_HEADING_CHARS ? heading[1].length : 0;
    start = heading[0].length;
  }
  let text = '';
  let last: string | undefined;
  const map: number[] = [];
  let i = start;
  while (i < line.length) {
    const ch = line[i];
    if (/\s/.test(ch)) {
      let j = i;
      while (j < line.length && /\s/.test(line[j])) j++;
      // The last character kept, not `text`'s last: reading a string being built flattens it, quadratic on a long line.
      const prev = last;
      const next = line[j];
      const separatesFields = /[\u3000\t]/.test(line.slice(i, j));
      if (prev !== undefined && next !== undefined && (!ocrSpaced || separatesFields || (keepsSpaceAfter(prev) && isSpacedWordChar(next)))) {
        text += ' ';
        last = ' ';
        map.push(offset + i);
      }
      i = j;
      continue;
    }
    text += ch;
    last = ch;
    map.push(offset + i);
    i++;
  }
  return { text, map, headingLevel };
}
