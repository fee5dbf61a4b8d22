// Excel workbooks (.xlsx) through exceljs 4.4.0 (the `xlsx` package on the registry is SheetJS 0.18.5,
// with published advisories; exceljs is maintained, MIT, and reads cached formula results). Its
// streaming reader is used: rows arrive one at a time and only their text is kept, so a 100,000-row
// sheet is never held twice, as exceljs's cell model and as text (`npm run bench:tables`). Each
// visible sheet is a part titled by its name (`## 2025`), each row a paragraph holding its header
// cells (`地区：浙江，GDP（亿元）：90131`) and its row number as Excel shows it, as CSV and HTML tables
// are read (`table-rows.ts`). A header of several rows (a merged 2025年 over GDP and 增速) names each
// column by all of them.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { sheetRows, tableLines, TableTextWriter } from './table-rows.js';
import { coreTitle, zipEntries } from './zip-entries.js';
import { zipParts } from './zip-parts.js';

/** The most one part of a workbook may inflate to: a 100,000-row sheet is about 30 MB of XML. */
const MAX_XLSX_PART_BYTES = 128 * 1024 * 1024;

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

/** An OLE compound file's signature: what Excel writes for an encrypted workbook, and for an old .xls. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Why an OLE file named .xlsx is not read: Excel keeps a password-protected workbook in an `EncryptedPackage` stream. */
function oleRefusal(bytes: Buffer): string | undefined {
  if (!bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return undefined;
  return bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))
    ? 'the workbook is encrypted (password protected)'
    : 'not a readable Excel workbook (.xlsx): it is an Excel 97-2003 file (.xls) under an .xlsx name';
}

/** A sheet as the streaming reader gives it: its rows, and the name and visibility its types leave out. */
type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name: string; state?: string };

/** A row's cells as text (empty cells kept in place) and its number as Excel shows it. */
function rowText(row: ExcelJS.Row): { cells: string[]; number: number } {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell)));
  return { cells: Array.from(cells, (c) => c ?? ''), number: row.number };
}

const isVisible = (state: string | undefined) => state === undefined || state === 'visible';

/** The visible sheets' rows, streamed: a row at a time, only its text kept. */
async function streamedSheets(bytes: Buffer, table: TableTextWriter): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const sheet of workbook as AsyncIterable<SheetReader>) {
    const rows: { cells: string[]; number: number }[] = [];
    // A hidden sheet's rows are read past (the stream goes on through them), never kept.
    for await (const row of sheet) if (isVisible(sheet.state)) rows.push(rowText(row));
    table.addTable(tableLines(sheetRows(rows)), sheet.name);
  }
}

/**
 * The most a workbook may weigh to be read whole when streaming it fails: the streaming reader parks
 * sheets that come before the shared strings in temporary files, which a full disk or a closed temp
 * folder can refuse; a workbook of this size loads whole in well under the reader's heap.
 */
const WHOLE_LOAD_MAX_BYTES = 8 * 1024 * 1024;

/** The visible sheets' rows, from the workbook loaded whole. */
async function loadedSheets(bytes: Buffer, table: TableTextWriter): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  workbook.eachSheet((sheet) => {
    if (!isVisible(sheet.state)) return;
    const rows: { cells: string[]; number: number }[] = [];
    sheet.eachRow((row) => rows.push(rowText(row)));
    table.addTable(tableLines(sheetRows(rows)), sheet.name);
  });
}

export const xlsxReader: FormatReader = {
  extensions: ['.xlsx'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
    const ole = oleRefusal(bytes);
    if (ole) return { error: ole };
    const huge = zipParts(bytes).find((part) => part.size > MAX_XLSX_PART_BYTES);
    if (huge) return { error: `its ${huge.name} inflates to ${Math.round(huge.size / 1024 / 1024)} MB; at most ${MAX_XLSX_PART_BYTES / 1024 / 1024} MB are read` };
    let table = new TableTextWriter();
    try {
      await streamedSheets(bytes, table);
    } catch (streaming) {
      if (bytes.length > WHOLE_LOAD_MAX_BYTES) return { error: `not a readable Excel workbook (.xlsx): ${(streaming as Error).message.split('\n')[0]}` };
      table = new TableTextWriter();
      try {
        await loadedSheets(bytes, table);
      } catch (err) {
        return { error: `not a readable Excel workbook (.xlsx): ${(err as Error).message.split('\n')[0]}` };
      }
    }
    if (table.rows.length === 0) return { error: 'the workbook holds no text' };
    const core = zipEntries(bytes, (name) => name === 'docProps/core.xml', 'Excel workbook (.xlsx)');
    const title = 'error' in core ? undefined : coreTitle(core.get('docProps/core.xml'));
    return { text: table.text, rows: table.rows, ...(title ? { title } : {}) };
  },
};
