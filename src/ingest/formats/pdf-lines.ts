// A PDF page's text items (pdf.js positions) → its paragraphs. pdf.js gives visual lines; a line that
// runs to the right margin without ending a sentence was wrapped by the layout and goes on in the next
// line (joined without a space between Chinese characters), and any other line ends its paragraph.
// Each line keeps where it is on the page, so the source view can outline a cited line on the page.
import { endsSentence, isSpacedWordChar } from '../../text/char-class.js';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/** A line of the page's text: its offsets in the text, and its box in PDF units (origin bottom left, y up). */
export interface PageLine {
  start: number;
  end: number;
  box: { left: number; right: number; bottom: number; top: number };
}

function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    // A new baseline starts a new line even where pdf.js did not mark the end of the previous one.
    if (current && item.str && Math.abs(item.y - current.y) > Math.max(current.size, item.height) / 2) {
      lines.push(current);
      current = undefined;
    }
    if (item.str) {
      current ??= { text: '', left: item.x, right: item.x, y: item.y, size: item.height };
      current.text += item.str;
      current.left = Math.min(current.left, item.x);
      current.right = Math.max(current.right, item.x + item.width);
      current.size = Math.max(current.size, item.height);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines.filter((l) => l.text.trim() !== '');
}

/** How far below its baseline a line's box reaches, as a share of its size: the descenders of g, y, 。. */
const DESCENT = 0.25;

/** The page's paragraphs, separated by blank lines, and where each line of them is on the page. */
export function pageParagraphs(items: TextItem[]): { text: string; lines: PageLine[] } {
  const lines = linesOf(items);
  const margin = Math.max(0, ...lines.map((l) => l.right));
  const placed: PageLine[] = [];
  let out = '';
  lines.forEach((line, i) => {
    placed.push({
      start: out.length,
      end: out.length + line.text.length,
      box: { left: line.left, right: line.right, bottom: line.y - DESCENT * line.size, top: line.y + line.size },
    });
    out += line.text;
    const next = lines[i + 1];
    if (!next) return;
    const sameSize = Math.abs(next.size - line.size) <= line.size * 0.1;
    const wrapped = sameSize && margin - line.right < 2 * line.size && !endsSentence(line.text);
    if (!wrapped) out += '\n\n';
    else if (isSpacedWordChar(line.text.at(-1)!) && isSpacedWordChar(next.text[0])) out += ' ';
  });
  return { text: out, lines: placed };
}
