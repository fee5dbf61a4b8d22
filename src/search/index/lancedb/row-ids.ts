// Passage ids by LanceDB row id. A search that returns the `id` column makes LanceDB read that column
// for every hit, half of a keyword search's time at a million passages; one that returns `_rowid`
// reads nothing more, and this table turns the row id into the passage id. Lance gives a table without
// stable row ids (as these are) row ids that are row addresses: the fragment's number in the upper 32
// bits, the row's offset in the fragment in the lower 32. The table is made from a scan of the dataset
// itself and is saved beside it as ids in row order, so opening it reads no string into the JS heap.
// A row deleted by an update leaves a hole at its offset (LanceDB marks it deleted and never returns
// it): the hole holds an empty id.
import type { Table } from '@lancedb/lancedb';

export const ROW_IDS_FILE = 'lancedb-row-ids.txt';

const LOWER_32 = 0xffff_ffffn;

/** One row as a scan of the dataset gives it. */
export interface ScannedRow {
  rowId: bigint;
  id: string;
}

export class RowIds {
  private constructor(
    /** Each fragment's first row in `ids`' order. */
    private readonly starts: Map<number, number>,
    /** The passage ids, in row order (fragments by number, rows by offset), each ending in a newline. */
    private readonly ids: Buffer,
    /** Where each id ends in `ids`. */
    private readonly ends: Uint32Array,
    /** The whole file, as saved. */
    private readonly file: Buffer,
  ) {}

  static readonly empty = RowIds.fromBytes(RowIds.encode(new Map(), []));

  /** From every row of a dataset. */
  static fromRows(rows: Iterable<ScannedRow>): RowIds {
    const fragments = new Map<number, string[]>();
    for (const { rowId, id } of rows) {
      if (id.includes('\n')) throw new Error(`passage id ${JSON.stringify(id)} holds a line break`);
      const fragment = Number(rowId >> 32n);
      const offset = Number(rowId & LOWER_32);
      const ids = fragments.get(fragment) ?? fragments.set(fragment, []).get(fragment)!;
      ids[offset] = id;
    }
    const starts = new Map<number, number>();
    const ordered: string[] = [];
    for (const fragment of [...fragments.keys()].sort((a, b) => a - b)) {
      const ids = fragments.get(fragment)!;
      starts.set(fragment, ordered.length);
      for (let i = 0; i < ids.length; i++) ordered.push(ids[i] ?? '');
    }
    return RowIds.fromBytes(RowIds.encode(starts, ordered));
  }

  /** Every row of `table`, scanned for its row id and passage id. */
  static async scan(table: Table): Promise<RowIds> {
    const rows: ScannedRow[] = [];
    for await (const batch of table.query().withRowId().select(['id'])) {
      const rowIds = batch.getChild('_rowid')!;
      const ids = batch.getChild('id')!;
      for (let i = 0; i < batch.numRows; i++) rows.push({ rowId: rowIds.get(i) as bigint, id: ids.get(i) as string });
    }
    return RowIds.fromRows(rows);
  }

  /** The file: a first line of JSON (the fragments' first rows), then one id a line. */
  private static encode(starts: Map<number, number>, ordered: string[]): Buffer {
    const head = JSON.stringify({ starts: [...starts] });
    return Buffer.from(`${head}\n${ordered.map((id) => `${id}\n`).join('')}`);
  }

  static fromBytes(bytes: Buffer): RowIds {
    const newline = bytes.indexOf(0x0a);
    let head: unknown;
    try {
      head = JSON.parse(bytes.toString('utf8', 0, Math.max(newline, 0)));
    } catch {
      head = undefined;
    }
    const starts = (head as { starts?: unknown } | null | undefined)?.starts;
    if (!Array.isArray(starts) || !starts.every((s) => Array.isArray(s) && s.length === 2 && s.every(Number.isInteger))) {
      throw new Error(`${ROW_IDS_FILE} does not start with its fragments' first rows`);
    }
    const ids = bytes.subarray(newline + 1);
    const ends: number[] = [];
    for (let at = ids.indexOf(0x0a); at >= 0; at = ids.indexOf(0x0a, at + 1)) ends.push(at);
    return new RowIds(new Map(starts as [number, number][]), ids, Uint32Array.from(ends), bytes);
  }

  toBytes(): Buffer {
    return this.file;
  }

  get size(): number {
    return this.ends.length;
  }

  private idAt(row: number): string {
    return this.ids.toString('utf8', row === 0 ? 0 : this.ends[row - 1] + 1, this.ends[row]);
  }

  /** The passage id of the row LanceDB calls `rowId`. */
  idOf(rowId: bigint): string {
    const start = this.starts.get(Number(rowId >> 32n));
    const row = start === undefined ? -1 : start + Number(rowId & LOWER_32);
    const id = row < 0 || row >= this.ends.length ? '' : this.idAt(row);
    if (id === '') throw new Error(`LanceDB returned row id ${rowId}, which the index does not hold`);
    return id;
  }
}
