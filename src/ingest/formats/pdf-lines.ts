// A PDF page's text items (pdf.js positions) → its paragraphs. pdf.js gives visual lines; a line that
// runs to the right margin without ending a sentence was wrapped by the layout and goes on in the next
// line (joined without a space between Chinese characters), and any other line ends its paragraph.
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
  right: number;
  y: number;
  size: number;
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
      current ??= { text: '', right: item.x, y: item.y, size: item.height };
      current.text += item.str;
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

/** The page's paragraphs, separated by blank lines. */
export function pageParagraphs(items: TextItem[]): string {
  const lines = linesOf(items);
  const margin = Math.max(0, ...lines.map((l) => l.right));
  let out = '';
  lines.forEach((line, i) => {
    out += line.text;
    const next = lines[i + 1];
    if (!next) return;
    const sameSize = Math.abs(next.size - line.size) <= line.size * 0.1;
    const wrapped = sameSize && margin - line.right < 2 * line.size && !endsSentence(line.text);
    if (!wrapped) out += '\n\n';
    else if (isSpacedWordChar(line.text.at(-1)!) && isSpacedWordChar(next.text[0])) out += ' ';
  });
  return out;
}
