// A table's rows → lines of text, each cell with its column's header: `地区：浙江，GDP（亿元）：90131`.
// A question that names a row and a column then finds the cell with both words beside it.

export interface TableRow {
  cells: string[];
  /** Which cells were header cells (`<th>`). */
  header: boolean[];
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

export function tableLines(rows: TableRow[]): string[] {
  const filled = rows.filter((r) => r.cells.some((c) => c !== ''));
  if (filled.length === 0) return [];
  const header = headerOf(filled);
  const body = filled.slice(header?.from ?? 0);
  const lines = body.map((row) =>
    row.cells
      .map((cell, i) => ({ cell, name: header?.names[i] ?? '' }))
      .filter(({ cell }) => cell !== '')
      .map(({ cell, name }) => (name && name !== cell ? `${name}：${cell}` : cell))
      .join('，'),
  );
  // A table that is only its header row (a layout table, a heading in a box) keeps its words.
  return lines.length > 0 ? lines : [header!.names.filter((c) => c !== '').join('，')];
}
