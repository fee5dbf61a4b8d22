// The cell a question asks for in a spreadsheet row. A row is read as one line of `header：value`
// cells joined by `，` (`table-rows.ts`); a question names the row by its label and the column by
// (most of) its header: 广东2025年GDP增速是多少 → the cell under `2025年 增速`, not the one under
// `2025年 GDP（亿元）`, whose 亿元 the question does not say.

export interface Cell {
  column: string;
  /** The value's offsets in the line. */
  start: number;
  end: number;
}

/** A column's name, as `tableLines` writes it before a cell: after the line's start or a `，`, up to `：`. */
const CELL_HEADER = /(?:^|，)([^，：]{1,40})：/g;

/** The line's cells that have a header, in order. */
export function cellsOf(line: string): Cell[] {
  const heads = [...line.matchAll(CELL_HEADER)];
  return heads.map((m, i) => ({ column: m[1], start: m.index + m[0].length, end: heads[i + 1]?.index ?? line.length }));
}

/** The characters of a header that name something: Han, letters, digits. */
const NAMING = /[\p{Script=Han}\p{L}\p{N}]/u;

/** A header counts as named when at least this share of its naming characters is in the question. */
const MIN_NAMED_SHARE = 0.5;

/**
 * The cell whose header the question names most fully (the share of its characters the question
 * holds; the longer header on a tie, as the more specific), skipping the cell the question names by
 * its value (the row's label, 广东). Undefined when no header is named.
 */
export function askedCell(line: string, question: string): Cell | undefined {
  let best: { cell: Cell; share: number; size: number } | undefined;
  for (const cell of cellsOf(line)) {
    if (question.includes(line.slice(cell.start, cell.end).trim())) continue;
    const chars = [...cell.column].filter((ch) => NAMING.test(ch));
    if (chars.length === 0) continue;
    const share = chars.filter((ch) => question.includes(ch)).length / chars.length;
    if (share < MIN_NAMED_SHARE) continue;
    if (!best || share > best.share || (share === best.share && chars.length > best.size)) best = { cell, share, size: chars.length };
  }
  return best?.cell;
}

/** The header of the cell holding offset `at` of a row's line, or undefined when the row has no headers. */
export const columnAt = (line: string, at: number): string | undefined =>
  cellsOf(line)
    .filter((cell) => cell.start <= at)
    .at(-1)?.column;
