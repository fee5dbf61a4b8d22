// An HTML page → the plain text the rest of ingest reads: one block per line, headings written as
// Markdown (`#` for h1 …), so h1/h2 open articles and h3–h6 name sections, as in a Markdown file. A
// table becomes one line per row, each cell with its column's header (`年份：2023，收入：12亿元`), so a
// figure is found with its label. Comments never reach the text (the parser reports them apart).
import { Parser } from 'htmlparser2';
import { tableLines } from './table-rows.js';

/** Elements whose text is not the page's content: code, menus, the page footer, form controls. */
const HIDDEN = new Set(['nav', 'footer', 'script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'button', 'select', 'textarea']);

/** A site's copyright and registration lines (`版权所有©2024…`, `京ICP备…`), wherever a page puts them. */
const BOILERPLATE = /^(版权所有|copyright\b|©|\(c\)\s*\d{4})|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP备/i;

/** Elements that end the line of text before them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

const headingLevel = (tag: string) => (/^h[1-6]$/.test(tag) ? Number(tag[1]) : 0);

/**
 * Real pages nest a few dozen elements deep. The parser's work grows with the square of the depth
 * (100,000 nested divs took 9 s), so a page nested deeper than this is refused, not parsed.
 */
export const MAX_HTML_DEPTH = 1_000;

export class HtmlTooDeepError extends Error {
  constructor() {
    super(`HTML nested more than ${MAX_HTML_DEPTH} elements deep; a real page never is`);
  }
}

/** A table being read: its rows of cells, which cells were header cells, the cell being read. */
interface TableState {
  rows: { cells: string[]; header: boolean[] }[];
  cell: string | undefined;
  header: boolean;
}

/** The page's text; throws HtmlTooDeepError for a page nested deeper than MAX_HTML_DEPTH. */
export function htmlToText(html: string): string {
  const blocks: string[] = [];
  let line = '';
  let level = 0;
  let hidden = 0;
  let title = '';
  let inTitle = false;
  let sawHeading = false;
  let depth = 0;
  /** Only the outermost table is read as rows; a table inside a cell is text of that cell. */
  let table: TableState | undefined;
  let tableDepth = 0;

  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text && !BOILERPLATE.test(text)) blocks.push(level > 0 ? `${'#'.repeat(level)} ${text}` : text);
    line = '';
  };
  const endCell = () => {
    if (table?.cell === undefined) return;
    table.rows.at(-1)?.cells.push(table.cell.replace(/\s+/g, ' ').trim());
    table.rows.at(-1)?.header.push(table.header);
    table.cell = undefined;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (++depth > MAX_HTML_DEPTH) throw new HtmlTooDeepError();
        if (name === 'title') inTitle = true;
        if (HIDDEN.has(name)) hidden++;
        if (name === 'table' && hidden === 0 && tableDepth++ === 0) {
          endLine();
          table = { rows: [], cell: undefined, header: false };
          return;
        }
        if (table && tableDepth === 1) {
          if (name === 'tr') {
            endCell();
            table.rows.push({ cells: [], header: [] });
          } else if (name === 'td' || name === 'th') {
            endCell();
            if (table.rows.length === 0) table.rows.push({ cells: [], header: [] });
            table.cell = '';
            table.header = name === 'th';
          }
          return;
        }
        const h = headingLevel(name);
        if (h > 0 || BLOCKS.has(name)) endLine();
        if (h > 0) {
          level = h;
          sawHeading = true;
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (hidden > 0) return;
        else if (table) table.cell = table.cell === undefined ? undefined : table.cell + text;
        else line += text;
      },
      onclosetag(name) {
        depth--;
        if (name === 'title') inTitle = false;
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        if (table && name === 'table' && --tableDepth === 0) {
          endCell();
          for (const row of tableLines(table.rows)) blocks.push(row.text);
          table = undefined;
          return;
        }
        if (table) {
          if (tableDepth === 1 && (name === 'td' || name === 'th')) endCell();
          else if (table.cell !== undefined && BLOCKS.has(name)) table.cell += ' ';
          return;
        }
        const h = headingLevel(name);
        if (h > 0 || BLOCKS.has(name)) endLine();
        if (h > 0) level = 0;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  endLine();

  // A page without headings is titled by its <title>, as a reader would see it in the tab.
  const pageTitle = title.replace(/\s+/g, ' ').trim();
  if (!sawHeading && pageTitle) blocks.unshift(`# ${pageTitle}`);
  return blocks.join('\n\n') + '\n';
}
