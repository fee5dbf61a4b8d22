// A table's rows → lines of text, each cell with its column's header: `地区：浙江，GDP（亿元）：90131`.
// A question that names a row and a column then finds the cell with both words beside it.

export interface TableRow {
  cells: string[];
  /** Which cells were header cells (`<th>`). */
  header: boolean[];
  /** The row's number as its program shows it (Excel's row 12, a CSV's 12th record); its place in the list when absent. */
  number?: number;
}

/** One body row as text, with its row number: citations name it (`第12行`). */
export interface TableLine {
  text: string;
  row: number;
}

/** Longest cell still read as a column header when the table marks none (`<td>` in its first row). */
const MAX_HEADER_CHARS = 20;

/** A cell that is only a figure, a date or a sign is data, never a column's name. */
const DATA_CELL = /^[\d\s.,:：%/+\-–—~年月日]*$/;

/**
 * The header row: the first row, when it is all header cells, or, in a table that marks none, when
 * each of its cells is short, non-empty and not a figure. Multi-row headers take the last of them.
 */
function headerOf(rows: TableRow[]): { names: string[]; from: number } | undefined {
  let from = 0;
  while (from < rows.length && rows[from].cells.length > 0 && rows[from].header.every(Boolean)) from++;
  if (from > 0) return { names: rows[from - 1].cells, from };
  const first = rows[0];
  const marksNone = rows.every((r) => !r.header.some(Boolean));
  if (rows.length >= 2 && marksNone && first.cells.length >= 2 && first.cells.every((c) => c !== '' && c.length <= MAX_HEADER_CHARS && !DATA_CELL.test(c))) {
    return { names: first.cells, from: 1 };
  }
  return undefined;
}

export function tableLines(rows: TableRow[]): TableLine[] {
  const filled = rows.map((r, i) => ({ ...r, number: r.number ?? i + 1 })).filter((r) => r.cells.some((c) => c !== ''));
  if (filled.length === 0) return [];
  const header = headerOf(filled);
  const body = filled.slice(header?.from ?? 0);
  const lines = body.map((row) => ({
    row: row.number,
    text: row.cells
      .map((cell, i) => ({ cell, name: header?.names[i] ?? '' }))
      .filter(({ cell }) => cell !== '')
      .map(({ cell, name }) => (name && name !== cell ? `${name}：${cell}` : cell))
      .join('，'),
  }));
  // A table that is only its header row (a layout table, a heading in a box) keeps its words.
  return lines.length > 0 ? lines : [{ row: filled[0].number, text: header!.names.filter((c) => c !== '').join('，') }];
}

/** Where a table row's line is in a reader's text, and which row of which sheet it is. */
export interface RowSpan {
  start: number;
  end: number;
  row: number;
  sheet?: string;
}

/** A spreadsheet's text, a paragraph per row (and a `## sheet` heading per sheet), with where each row's line is. */
export class TableTextWriter {
  private blocks: string[] = [];
  private length = 0;
  readonly rows: RowSpan[] = [];

  /** The text: blocks separated by a blank line, ended by a line break. */
  get text(): string {
    return this.blocks.length > 0 ? `${this.blocks.join('\n\n')}\n` : '';
  }

  /** A sheet's rows; a workbook's sheets each under their name (`sheet`), a CSV's with none. */
  addTable(lines: TableLine[], sheet?: string): void {
    if (lines.length === 0) return;
    if (sheet !== undefined) this.add(`## ${sheet}`);
    for (const line of lines) {
      const start = this.add(line.text);
      this.rows.push({ start, end: start + line.text.length, row: line.row, ...(sheet !== undefined ? { sheet } : {}) });
    }
  }

  private add(block: string): number {
    if (this.blocks.length > 0) this.length += 2;
    const start = this.length;
    this.blocks.push(block);
    this.length += block.length;
    return start;
  }
}

/** Rows at the top of a sheet read as its header, at most. */
const MAX_HEADER_ROWS = 3;

/** A header row's cells are short and none is a bare figure (a year such as 2025年 may head columns). */
const HEADER_CELL = /^(?![\d\s.,%+\-]*$).{1,20}$/s;
/** At least one of them is words, not a date or a figure with its unit. */
const WORDS_CELL = /^(?![\d\s.,:：%/+\-–—~年月日]*$)/;

/**
 * An upper header row's cells, with a merged cell's value over each column it spans. A reader that
 * streams leaves the merged-over cells empty (the merge list comes after the rows), so an empty cell
 * takes the value to its left while the header's last row names a column under it.
 */
function spreadMerged(row: string[], last: string[], width: number): string[] {
  let carried = '';
  return Array.from({ length: width }, (_, i) => {
    const cell = row[i] ?? '';
    if (cell !== '') carried = cell;
    else if ((last[i] ?? '') === '') carried = '';
    return cell !== '' ? cell : carried;
  });
}

/**
 * A spreadsheet's rows (cell texts, row numbers) as table rows: leading rows that are all header cells
 * become one row naming each column by all of them (`2025年 GDP`). Workbooks mark no header cells.
 */
export function sheetRows(rows: { cells: string[]; number: number }[]): TableRow[] {
  let count = 0;
  const isHeader = (row: string[]) => row.some((c) => c !== '' && WORDS_CELL.test(c)) && row.every((c) => c === '' || HEADER_CELL.test(c));
  while (count < Math.min(MAX_HEADER_ROWS, rows.length - 1) && isHeader(rows[count].cells)) count++;
  const body = rows.slice(count).map(({ cells, number }) => ({ cells, number, header: cells.map(() => false) }));
  if (count === 0) return body;
  const width = Math.max(...rows.slice(0, count).map((r) => r.cells.length));
  const last = rows[count - 1].cells;
  const head = rows.slice(0, count).map((r, i) => (i < count - 1 ? spreadMerged(r.cells, last, width) : r.cells));
  const names = Array.from({ length: width }, (_, i) => [...new Set(head.map((r) => r[i] ?? '').filter((c) => c !== ''))].join(' '));
  return [{ cells: names, header: names.map(() => true), number: rows[count - 1].number }, ...body];
}
