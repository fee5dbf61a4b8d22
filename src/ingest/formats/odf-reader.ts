// OpenDocument files (LibreOffice, WPS and others): spreadsheets (.ods), text (.odt) and slides
// (.odp). exceljs, mammoth and the PowerPoint reader read none of them, and no maintained npm
// package reads all three, so their `content.xml` (inflated by fflate, `zip-entries.ts`) is walked
// with htmlparser2's streaming parser: no tree is built, so a sheet of 100,000 rows is held once, as
// text. A sheet's rows are read as a workbook's are (`table-rows.ts`: header cells, row numbers, each
// row a paragraph); a text's headings keep their level (`text:h`); each slide is a page titled by its
// title frame, its speaker notes kept apart. The title is the file's `dc:title` (`meta.xml`).
import { Parser } from 'htmlparser2';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader, ReadResult } from './format-reader.js';
import { PageWriter } from './pages.js';
import { sheetRows, tableLines, TableTextWriter } from './table-rows.js';
import { coreTitle, zipEntries } from './zip-entries.js';

/**
 * A row or cell repeated more than this is empty filler (LibreOffice writes the rest of a sheet as one
 * row repeated 1,048,000 times, the rest of a row as one cell repeated 1,000 times): it counts for the
 * row numbers but is not copied.
 */
const MAX_REPEAT = 1_000;

const repeatOf = (value: string | undefined) => Math.max(1, Number.parseInt(value ?? '1', 10) || 1);

/** What a walk of `content.xml` meets: paragraphs with where they stand, and the tables' rows. */
interface Walker {
  /** A paragraph (`text:p`, `text:h` with its level) outside a table. */
  paragraph?(text: string, heading: number, place: { notes: boolean; frame?: string }): void;
  /** A table's row, its cells' texts, and how many times it repeats. */
  row?(cells: string[], repeat: number): void;
  startTable?(name: string, hidden: boolean): void;
  endTable?(): void;
  startPage?(name: string): void;
  endPage?(): void;
}

/** Styles whose `table:display="false"` hides a sheet. */
function hiddenTableStyles(xml: string): Set<string> {
  const hidden = new Set<string>();
  let style: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'style:style') style = attributes['style:name'];
        if (name === 'style:table-properties' && attributes['table:display'] === 'false' && style) hidden.add(style);
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return hidden;
}

/** Walks `content.xml` once, calling `walker` for what it meets. */
function walk(xml: string, walker: Walker): void {
  const hidden = hiddenTableStyles(xml);
  let text: string | undefined;
  let heading = 0;
  let skip = 0;
  let notes = 0;
  const frames: string[] = [];
  let cells: string[] | undefined;
  let cell: { text: string; repeat: number } | undefined;
  let rowRepeat = 1;
  let tableDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'text:note' || name === 'office:annotation') skip++;
        if (skip > 0) return;
        if (name === 'draw:page') walker.startPage?.(attributes['draw:name'] ?? '');
        if (name === 'presentation:notes') notes++;
        if (name === 'draw:frame') frames.push(attributes['presentation:class'] ?? '');
        if (name === 'table:table' && ++tableDepth === 1) walker.startTable?.(attributes['table:name'] ?? '', hidden.has(attributes['table:style-name'] ?? ''));
        if (tableDepth !== 1) {
          if (name === 'text:p' || name === 'text:h') {
            text = '';
            heading = name === 'text:h' ? repeatOf(attributes['text:outline-level']) : 0;
          }
        } else if (name === 'table:table-row') {
          cells = [];
          rowRepeat = repeatOf(attributes['table:number-rows-repeated']);
        } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
          cell = { text: '', repeat: repeatOf(attributes['table:number-columns-repeated']) };
        } else if (cell && name === 'text:p' && cell.text !== '') {
          cell.text += ' ';
        }
        if (name === 'text:s') append(' '.repeat(Math.min(repeatOf(attributes['text:c']), 8)));
        if (name === 'text:tab' || name === 'text:line-break') append(' ');
      },
      ontext(data) {
        if (skip === 0) append(data);
      },
      onclosetag(name) {
        if (name === 'text:note' || name === 'office:annotation') {
          skip--;
          return;
        }
        if (skip > 0) return;
        if ((name === 'text:p' || name === 'text:h') && text !== undefined) {
          if (text.trim() !== '') walker.paragraph?.(text.trim(), heading, { notes: notes > 0, frame: frames.at(-1) });
          text = undefined;
        }
        if (name === 'draw:frame') frames.pop();
        if (name === 'presentation:notes') notes--;
        if (name === 'draw:page') walker.endPage?.();
        if (tableDepth === 1 && cells && cell && (name === 'table:table-cell' || name === 'table:covered-table-cell')) {
          const value = cell.text.trim();
          // An empty filler repeat counts one column: empty columns at a row's end are dropped anyway.
          const times = value === '' ? 1 : Math.min(cell.repeat, MAX_REPEAT);
          for (let i = 0; i < times; i++) cells.push(value);
          cell = undefined;
        }
        if (tableDepth === 1 && name === 'table:table-row' && cells) {
          while (cells.length > 0 && cells.at(-1) === '') cells.pop();
          walker.row?.(cells, rowRepeat);
          cells = undefined;
        }
        if (name === 'table:table' && tableDepth-- === 1) walker.endTable?.();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  function append(data: string) {
    if (cell) cell.text += data;
    else if (text !== undefined) text += data;
  }
  parser.end(xml);
}

/** The parts an OpenDocument reader needs, or why the file cannot be read. */
function documentParts(bytes: Buffer, format: string): { content: string; title?: string } | { error: string } {
  const parts = zipEntries(bytes, (name) => name === 'content.xml' || name === 'meta.xml', format);
  if ('error' in parts) return parts;
  const content = parts.get('content.xml');
  if (content === undefined) return { error: `not a readable ${format}: it has no content.xml` };
  const title = coreTitle(parts.get('meta.xml'));
  return { content, ...(title ? { title } : {}) };
}

/** A reader of one OpenDocument kind: `read` makes the text of its `content.xml`; the title is the package's. */
function odfReader(extension: string, format: string, read: (content: string) => ReadResult): FormatReader {
  return {
    extensions: [extension],
    maxBytes: MAX_BINARY_UPLOAD_BYTES,
    async read(bytes) {
      const parts = documentParts(bytes, format);
      if ('error' in parts) return parts;
      const result = read(parts.content);
      return 'text' in result && parts.title ? { ...result, title: parts.title } : result;
    },
  };
}

/** A table's rows as a sheet's, numbered as the program shows them (a repeated row counts as many). */
class SheetRows {
  rows: { cells: string[]; number: number }[] = [];
  private next = 1;

  add(cells: string[], repeat: number): void {
    if (cells.length > 0) for (let i = 0; i < Math.min(repeat, MAX_REPEAT); i++) this.rows.push({ cells, number: this.next + i });
    this.next += repeat;
  }
}

export const odsReader = odfReader('.ods', 'OpenDocument spreadsheet (.ods)', (content) => {
  const table = new TableTextWriter();
  let sheet: { name: string; hidden: boolean; rows: SheetRows } | undefined;
  walk(content, {
    startTable: (name, hidden) => (sheet = { name, hidden, rows: new SheetRows() }),
    row: (cells, repeat) => sheet?.rows.add(cells, repeat),
    endTable: () => {
      if (sheet && !sheet.hidden) table.addTable(tableLines(sheetRows(sheet.rows.rows)), sheet.name);
      sheet = undefined;
    },
  });
  return table.rows.length > 0 ? { text: table.text, rows: table.rows } : { error: 'the spreadsheet holds no text' };
});

export const odtReader = odfReader('.odt', 'OpenDocument text (.odt)', (content) => {
  const blocks: string[] = [];
  let rows: SheetRows | undefined;
  walk(content, {
    paragraph: (text, heading) => blocks.push(heading > 0 ? `${'#'.repeat(Math.min(heading, 6))} ${text}` : text),
    startTable: () => (rows = new SheetRows()),
    row: (cells, repeat) => rows?.add(cells, repeat),
    endTable: () => {
      blocks.push(...tableLines((rows?.rows ?? []).map(({ cells }) => ({ cells, header: cells.map(() => false) }))).map((line) => line.text));
      rows = undefined;
    },
  });
  return blocks.length > 0 ? { text: `${blocks.join('\n\n')}\n` } : { error: 'the document holds no text' };
});

export const odpReader = odfReader('.odp', 'OpenDocument presentation (.odp)', (content) => {
  const pages = new PageWriter();
  let slide: { name: string; title: string[]; body: string[]; notes: string[] } | undefined;
  walk(content, {
    startPage: (name) => (slide = { name, title: [], body: [], notes: [] }),
    paragraph: (text, _heading, place) => {
      if (!slide) return;
      if (place.notes) slide.notes.push(text);
      else if (place.frame === 'title') slide.title.push(text);
      else slide.body.push(text);
    },
    endPage: () => {
      if (!slide) return;
      const title = slide.title.join(' ') || slide.name;
      pages.add([`## ${title}`, ...slide.body, ...(slide.notes.length ? [`演讲者备注：${slide.notes.join(' ')}`] : [])].join('\n\n'));
      slide = undefined;
    },
  });
  return pages.empty ? { error: 'the slides hold no text' } : { text: pages.text };
});
