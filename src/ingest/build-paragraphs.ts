// Source lines → display paragraphs: lines broken mid-sentence are rejoined, headlines,
// bylines and captions stay paragraphs of their own.
import { endsSentence, isSpacedWordChar } from '../text/char-class.js';
import { classifyLine, isDateline, isFieldLine, isScheduleEntry, type ParagraphKind } from './classify-line.js';
import { cleanLine } from './clean-line.js';
import { looksOcrSpaced } from './ocr-spacing.js';
import { appendMapped, type MappedText } from './mapped-text.js';

export interface RawParagraph extends MappedText {
  kind: ParagraphKind;
  headingLevel: number;
}

interface Line extends MappedText {
  headingLevel: number;
  /** A blank line stood between this line and the previous one. */
  afterBlank: boolean;
  /** Offset in the source of the line break before this line (where a joining space maps to). */
  breakOffset: number;
}

/** The source's lines, cleaned; the lines starting at an offset in `dropped` (page furniture) read as blank. */
function readLines(source: string, dropped: ReadonlySet<number>, ocrSpaced: boolean): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let afterBlank = false;
  for (const piece of source.split('\n')) {
    const cleaned = dropped.has(offset) ? { text: '', map: [], headingLevel: 0 } : cleanLine(piece.replace(/\r$/, ''), offset, ocrSpaced);
    if (cleaned.text.length === 0) {
      afterBlank = true;
    } else {
      lines.push({ ...cleaned, afterBlank, breakOffset: Math.max(0, offset - 1) });
      afterBlank = false;
    }
    offset += piece.length + 1;
  }
  return lines;
}

/** A line continuing a sentence cut by the page layout starts with a stub clause: `土地,较适合…`, `“面姜”,产量高…`. */
const startsWithFragment = (text: string) => /^[“"「]?[^\s，,。；;：:、“”"]{1,2}[”"」]?[，,；;、]/.test(text);

/**
 * The paragraph being built, with what joining asks of it kept as it grows: whether it is a field line
 * (decided by its first line) and its last characters. Reading the whole text again for each line
 * joined made a file of lines that never end a sentence (English prose, a log) quadratic: 1 MB took 12 s.
 */
interface Growing {
  paragraph: RawParagraph;
  /** Its first line is a field (`时间：…`). */
  field: boolean;
  /** Its last characters: enough for a sentence end and the closing marks and spaces after it. */
  tail: string;
}

const TAIL_CHARS = 32;

const grown = (g: Growing, text: string) => (g.tail = (g.tail + text).slice(-TAIL_CHARS));

/**
 * A body paragraph that does not end a sentence goes on in the next line, across a blank line too
 * unless that line is a headline, byline, caption or dateline. A headline-like line followed by a stub
 * clause was a cut sentence, not a headline (`小屯洼村的土地属丘陵地带,多为沙` + `土地,较适合…`).
 */
function continues({ paragraph, field, tail }: Growing, line: Line): boolean {
  if (line.headingLevel > 0 || endsSentence(tail) || isDateline(line.text) || isScheduleEntry(line.text)) return false;
  // Fields stand one to a line (`时间：…`, `主持人：…`), except an introduction (`各部门：`) that leads into its text.
  if (isFieldLine(line.text) || (field && !/[：:]$/.test(tail))) return false;
  if (paragraph.kind === 'heading' && paragraph.headingLevel === 0 && paragraph.text.length >= 12) {
    return startsWithFragment(line.text);
  }
  if (paragraph.kind !== 'body') return false;
  return !line.afterBlank || classifyLine(line.text, 0) === 'body';
}

/** `dropped`: start offsets of lines that are page furniture (`page-furniture.ts`), read as blank lines. */
export function buildParagraphs(source: string, dropped: ReadonlySet<number> = new Set()): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  let last: Growing | undefined;
  for (const line of readLines(source, dropped, looksOcrSpaced(source))) {
    if (last && continues(last, line)) {
      const { paragraph } = last;
      if (isSpacedWordChar(last.tail[last.tail.length - 1]) && isSpacedWordChar(line.text[0])) {
        appendMapped(paragraph, { text: ' ', map: [line.breakOffset] });
        grown(last, ' ');
      }
      appendMapped(paragraph, line);
      grown(last, line.text);
      paragraph.kind = 'body';
      continue;
    }
    const paragraph: RawParagraph = { text: line.text, map: [...line.map], headingLevel: line.headingLevel, kind: classifyLine(line.text, line.headingLevel) };
    paragraphs.push(paragraph);
    last = { paragraph, field: isFieldLine(line.text), tail: line.text.slice(-TAIL_CHARS) };
  }
  markDecks(paragraphs);
  joinSignOff(paragraphs);
  return paragraphs;
}

/** Lines of a sign-off are short: an office, a name, a date. */
const MAX_SIGN_OFF_LINE = 24;

/** A sign-off ends with its date: `2024年9月20日`, `二〇二四年九月二十日`. */
const DATE_LINE = /^[0-9〇零一二三四五六七八九]{4}\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日$/;

/**
 * The short lines after a document's last body paragraph that end with a date (`行政人事部` /
 * `2024年9月20日`) are its sign-off, not a new article's headlines: they become one body paragraph,
 * so "who issued this" can be answered from it. A newspaper page's last lines end with no date.
 */
function joinSignOff(paragraphs: RawParagraph[]): void {
  let lastBody = paragraphs.length - 1;
  while (lastBody >= 0 && paragraphs[lastBody].kind !== 'body') lastBody--;
  const tail = paragraphs.slice(lastBody + 1);
  if (lastBody < 0 || tail.length === 0 || tail.length > 4) return;
  if (tail.some((p) => p.headingLevel > 0 || p.kind === 'caption' || p.text.length > MAX_SIGN_OFF_LINE)) return;
  if (!DATE_LINE.test(tail[tail.length - 1].text)) return;
  const signOff = tail[0];
  for (const p of tail.slice(1)) {
    appendMapped(signOff, { text: ' ', map: [p.map[0]] });
    appendMapped(signOff, p);
  }
  signOff.kind = 'body';
  paragraphs.splice(lastBody + 1, tail.length, signOff);
}

/** A short unfinished line right before a dateline is the article's deck, however many commas it has. */
function markDecks(paragraphs: RawParagraph[]): void {
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.kind === 'body' && p.text.length <= 60 && !endsSentence(p.text) && isDateline(paragraphs[i + 1].text)) {
      p.kind = 'heading';
    }
  }
}
