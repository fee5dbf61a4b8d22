// Comma- and tab-separated tables (.csv, .tsv), in whichever Chinese encoding they were saved (Excel
// in China saves GBK), parsed by csv-parse (quoted cells, commas and line breaks inside quotes, a
// byte-order mark). Rows are numbered as a spreadsheet shows the file (the header is row 1;
// skip_empty_lines is off so a blank line keeps its number). Each row becomes a paragraph holding its header cells (`地区：浙江，增速：5.5%`), as
// HTML and Markdown tables do (`table-rows.ts`), so a question naming a row and a column finds the cell.
import { parse } from 'csv-parse/sync';
import { MAX_UPLOAD_BYTES } from '../../limits.js';
import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';
import { tableLines, TableTextWriter } from './table-rows.js';

function separatedValues(extension: string, delimiter: string): FormatReader {
  return {
    extensions: [extension],
    maxBytes: MAX_UPLOAD_BYTES,
    async read(bytes) {
      const decoded = decodeText(bytes);
      if ('error' in decoded) return decoded;
      let rows: string[][];
      try {
        rows = parse(decoded.text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, trim: true });
      } catch (err) {
        return { error: `not a readable ${extension} table: ${(err as Error).message.split('\n')[0]}` };
      }
      const table = new TableTextWriter();
      table.addTable(tableLines(rows.map((cells) => ({ cells, header: cells.map(() => false) }))));
      return table.rows.length > 0 ? { text: table.text, rows: table.rows } : { error: 'the table holds no text' };
    },
  };
}

export const csvReader = separatedValues('.csv', ',');
export const tsvReader = separatedValues('.tsv', '\t');
