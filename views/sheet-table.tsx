// A spreadsheet's rows in the source view as the table they came from: one column per header, the
// row number first (as the program shows it), the cited row highlighted and the cited cell marked, so
// a citation's 第12行「增速」列 can be checked at a glance.
import type { StoredParagraph } from '../src/ingest/document-model.js';
import { cellsOf } from '../src/search/answer/table-cell.js';
import type { Cited } from './document-page.js';
import { MarkedText, spansWithin } from './marked-text.js';

/** A run of paragraphs, as the source view lays them out: a spreadsheet's rows together as a table. */
export type ParagraphRun = { table: StoredParagraph[] } | { paragraph: StoredParagraph };

/** Consecutive spreadsheet rows become one table run; every other paragraph stands alone. */
export function paragraphRuns(paragraphs: StoredParagraph[]): ParagraphRun[] {
  const runs: ParagraphRun[] = [];
  for (const p of paragraphs) {
    const last = runs.at(-1);
    if (!p.tableRow || p.kind === 'heading') runs.push({ paragraph: p });
    else if (last && 'table' in last) last.table.push(p);
    else runs.push({ table: [p] });
  }
  return runs;
}

function Row(props: { p: StoredParagraph; columns: string[]; cited?: Cited }) {
  const { p, columns, cited } = props;
  const isCited = cited?.anchor === p.anchor;
  const marks = isCited && cited.end > cited.start ? [{ start: cited.start, end: cited.end }] : [];
  const cells = cellsOf(p.text);
  const byColumn = new Map(cells.map((c) => [c.column, c]));
  return (
    <tr id={p.anchor} class={isCited ? 'cited' : undefined} aria-current={isCited ? 'location' : undefined}>
      <th scope="row">{p.tableRow!.row}</th>
      {cells.length === 0 ? (
        <td colspan={Math.max(1, columns.length)}>
          <MarkedText text={p.text} marks={marks} markClass="quote" />
        </td>
      ) : (
        columns.map((column) => {
          const cell = byColumn.get(column);
          return <td>{cell ? <MarkedText text={p.text.slice(cell.start, cell.end)} marks={spansWithin(marks, cell.start, cell.end)} markClass="quote" /> : ''}</td>;
        })
      )}
    </tr>
  );
}

export function SheetTable(props: { rows: StoredParagraph[]; cited?: Cited }) {
  const columns = [...new Set(props.rows.flatMap((p) => cellsOf(p.text).map((c) => c.column)))];
  const rows = props.rows.map((p) => p.tableRow!.row);
  // A wide table scrolls sideways: the region takes focus so a keyboard can scroll it too.
  return (
    <div class="sheet" role="region" tabindex={0} aria-label={`表格，第${rows[0]}至${rows.at(-1)}行`}>
      <table>
        <thead>
          <tr>
            <th scope="col">行</th>
            {columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((p) => (
            <Row p={p} columns={columns} cited={props.cited} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
