// Excel workbooks (.xlsx) through exceljs 4.4.0 (the `xlsx` package on the registry is SheetJS 0.18.5,
// with published advisories; exceljs is maintained, MIT, and reads cached formula results and merged
// cells). Each visible sheet is a part titled by its name (`## 2025`), each row a paragraph holding its
// header cells and knowing its row number (Excel's, for the citation) (`地区：浙江，GDP（亿元）：90131`), as CSV and HTML tables are read (`table-rows.ts`). A
// header of several rows (a merged 2025年 over GDP and 增速) names each column by all of them.
import ExcelJS from 'exceljs';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { tableLines, TableTextWriter, type TableRow } from './table-rows.js';
import { zipParts } from './zip-parts.js';

/** The most one part of a workbook may inflate to: a 100,000-row sheet is about 30 MB of XML. */
const MAX_XLSX_PART_BYTES = 128 * 1024 * 1024;

/** Rows at the top of a sheet read as its header, at most. */
const MAX_HEADER_ROWS = 3;

/** A header row's cells are short and none is a bare figure (a year such as 2025年 may head columns). */
const HEADER_CELL = /^(?![\d\s.,%+\-]*$).{1,20}$/s;
/** At least one of them is words, not a date or a figure with its unit. */
const WORDS_CELL = /^(?![\d\s.,:：%/+\-–—~年月日]*$)/;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A number as the sheet shows it: a percentage format shows 0.055 as 5.5%. */
function numberText(value: number, format: string | undefined): string {
  if (format?.includes('%')) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** A cell's text: the cached result of a formula, never the formula; rich text joined; dates as dates. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, cell.numFmt);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('result' in value) {
    const result = value.result;
    if (result instanceof Date) return isoDate(result);
    if (typeof result === 'number') return numberText(result, cell.numFmt);
    return result === undefined || result === null || typeof result === 'object' ? '' : String(result).trim();
  }
  if ('text' in value) return String(value.text).trim();
  return '';
}

/** Leading rows that are all header cells become one row naming each column by all of them (`2025年 GDP`). */
function withHeader(rows: { cells: string[]; number: number }[]): TableRow[] {
  let count = 0;
  const isHeader = (row: string[]) => row.some((c) => c !== '' && WORDS_CELL.test(c)) && row.every((c) => c === '' || HEADER_CELL.test(c));
  while (count < Math.min(MAX_HEADER_ROWS, rows.length - 1) && isHeader(rows[count].cells)) count++;
  const body = rows.slice(count).map(({ cells, number }) => ({ cells, number, header: cells.map(() => false) }));
  if (count === 0) return body;
  const head = rows.slice(0, count).map((r) => r.cells);
  const width = Math.max(...head.map((r) => r.length));
  const names = Array.from({ length: width }, (_, i) => [...new Set(head.map((r) => r[i] ?? '').filter((c) => c !== ''))].join(' '));
  return [{ cells: names, header: names.map(() => true), number: rows[count - 1].number }, ...body];
}

export const xlsxReader: FormatReader = {
  extensions: ['.xlsx'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
    const huge = zipParts(bytes).find((part) => part.size > MAX_XLSX_PART_BYTES);
    if (huge) return { error: `its ${huge.name} inflates to ${Math.round(huge.size / 1024 / 1024)} MB; at most ${MAX_XLSX_PART_BYTES / 1024 / 1024} MB are read` };
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (err) {
      return { error: `not a readable Excel workbook (.xlsx): ${(err as Error).message.split('\n')[0]}` };
    }
    const table = new TableTextWriter();
    workbook.eachSheet((sheet) => {
      if (sheet.state !== 'visible') return;
      const rows: { cells: string[]; number: number }[] = [];
      sheet.eachRow((row, number) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell)));
        rows.push({ cells: Array.from(cells, (c) => c ?? ''), number });
      });
      table.addTable(tableLines(withHeader(rows)), sheet.name);
    });
    if (table.rows.length === 0) return { error: 'the workbook holds no text' };
    const title = workbook.title?.trim();
    return { text: table.text, rows: table.rows, ...(title ? { title } : {}) };
  },
};
