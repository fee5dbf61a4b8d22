// A question for the highest or lowest of a table (哪个地区增速最高, 金额最少的是哪一笔) is answered from
// the cells, not by closeness: when the best passage is a spreadsheet row and the question names one
// of its columns and asks for 最高/最多/最大 or 最低/最少/最小, every row of that sheet is read, the
// column's figures compared, and the row holding the extreme is the answer, its cell marked and the
// comparison said (the column, how many rows). No language model: the cells decide.
import type { Passage } from '../../ingest/document-model.js';
import { cellsOf, type Cell } from './table-cell.js';

export type Extreme = 'max' | 'min';

/** The words that ask for a column's highest or lowest figure. */
const ASKS_MAX = /最(?:高|多|大|快|长|贵)/;
const ASKS_MIN = /最(?:低|少|小|慢|短|便宜)/;

/** The words right before the extreme (增速 in 哪个地区GDP增速最高) and right after it (增速 in 最高的增速是多少). */
const BEFORE_EXTREME = /([\p{Script=Han}A-Za-z0-9]{1,8})最(?:高|多|大|快|长|贵|低|少|小|慢|短|便宜)/u;
const AFTER_EXTREME = /最(?:高|多|大|快|长|贵|低|少|小|慢|短|便宜)的?([\p{Script=Han}A-Za-z0-9]{1,8})/u;

/** How much of the words beside the extreme a header holds: the end of the words before it, or the start of those after. */
function besideExtreme(header: string, question: string): number {
  const before = BEFORE_EXTREME.exec(question)?.[1] ?? '';
  const after = AFTER_EXTREME.exec(question)?.[1] ?? '';
  let held = 0;
  for (let k = 2; k <= Math.max(before.length, after.length); k++) {
    if ((k <= before.length && header.includes(before.slice(-k))) || (k <= after.length && header.includes(after.slice(0, k)))) held = k;
  }
  return held;
}

/** The extreme a question asks for, if any. */
export function askedExtreme(question: string): Extreme | undefined {
  if (ASKS_MAX.test(question)) return 'max';
  if (ASKS_MIN.test(question)) return 'min';
  return undefined;
}

/**
 * A cell's figure: the first number in it, with thousands separators and a percent sign allowed
 * (`141,634`, `5.5%`, `-3.2`); undefined for a cell that is no figure (a name, a date).
 */
export function cellFigure(value: string): number | undefined {
  const m = /^\s*(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(%|[\p{Script=Han}A-Za-z（(）)]*)\s*$/u.exec(value);
  if (!m || /^[0-9]{4}-[0-9]{2}/.test(value)) return undefined;
  return Number(m[1].replace(/,/g, ''));
}

export interface TableExtreme {
  /** The row holding the extreme. */
  passage: Passage;
  /** The cell that answers, as offsets into the passage's text: the label the question asks for (哪个地区 → 浙江), else the figure. */
  answer: Cell;
  /** The column compared. */
  column: string;
  extreme: Extreme;
  /** How many rows had a figure in that column. */
  compared: number;
}

/** A row that sums the others (its first cell 合计, 总计, 小计, 全国): never the highest of them. */
const TOTAL_ROW = /^(?:合计|合計|总计|總計|小计|小計|总和|總和|全国|全國|总数|總數|total|sum)$/i;

/** The fewest rows with a figure worth comparing: one row is no comparison. */
const MIN_COMPARED = 2;

/** The longest run of a header's characters the question holds (增速 in 哪个地区增速最高). */
function namedLength(header: string, question: string): number {
  let longest = 0;
  for (let i = 0; i < header.length; i++) {
    for (let j = i + longest + 1; j <= header.length && question.includes(header.slice(i, j)); j++) longest = j - i;
  }
  return longest;
}

/**
 * The column the question names best among `columns`: by the longest run of its header it holds (two
 * characters at least), or, for the figures compared, first by the words beside the extreme (哪个地区
 * GDP增速最高 compares 增速, though GDP is a longer run of another header).
 */
function namedColumn(columns: Cell[], question: string, compared = false): Cell | undefined {
  let best: { cell: Cell; rank: [number, number] } | undefined;
  for (const cell of columns) {
    const length = namedLength(cell.column, question);
    const rank: [number, number] = [compared ? besideExtreme(cell.column, question) : 0, length];
    if (length >= 2 && (!best || rank[0] > best.rank[0] || (rank[0] === best.rank[0] && rank[1] > best.rank[1]))) best = { cell, rank };
  }
  return best?.cell;
}

/**
 * The row of `top`'s sheet whose cell under the asked column is the highest or lowest figure, or
 * undefined when the question asks for neither, names no column of figures, or the column holds too
 * few figures. `rows`: the passages of `top`'s document, in order.
 */
export function tableExtreme(question: string, top: Passage, rows: readonly Passage[]): TableExtreme | undefined {
  const extreme = askedExtreme(question);
  if (!extreme || !top.tableRow) return undefined;
  const cells = cellsOf(top.text);
  const isFigure = (c: Cell) => cellFigure(top.text.slice(c.start, c.end)) !== undefined;
  const compared = namedColumn(cells.filter(isFigure), question, true);
  if (!compared) return undefined;
  const label = namedColumn(cells.filter((c) => !isFigure(c)), question);
  let best: { passage: Passage; figure: number } | undefined;
  let count = 0;
  for (const passage of rows) {
    if (passage.tableRow?.sheet !== top.tableRow.sheet || passage.start !== 0) continue;
    const row = cellsOf(passage.text);
    if (row[0] && TOTAL_ROW.test(passage.text.slice(row[0].start, row[0].end).trim())) continue;
    const cell = row.find((c) => c.column === compared.column);
    const figure = cell && cellFigure(passage.text.slice(cell.start, cell.end));
    if (figure === undefined) continue;
    count++;
    if (!best || (extreme === 'max' ? figure > best.figure : figure < best.figure)) best = { passage, figure };
  }
  if (!best || count < MIN_COMPARED) return undefined;
  const answerColumn = label?.column ?? compared.column;
  const answer = cellsOf(best.passage.text).find((c) => c.column === answerColumn) ?? cellsOf(best.passage.text).find((c) => c.column === compared.column)!;
  return { passage: best.passage, answer, column: compared.column, extreme, compared: count };
}
