// Below the size where the vectors get an approximate index, the whole table is held in memory and
// both sides of a question are searched there; the table on disk stays what is kept and what replicas
// read. Measured on CMRC dev as a folder (1,253 passages; scratch scripts timing 200 questions):
// - vectors: LanceDB's exact scan of the dataset cost 3.9 ms a question, the same scan over the vectors
//   held in memory (`../vector-rows.ts`, as the Orama backend scans them) 0.6 ms;
// - words: LanceDB's full-text search costs about 2 ms a search however small the table (2.3 ms a
//   question for its two columns, 5.5 ms beside the model in its worker), the same BM25 (`../bm25.ts`)
//   over the tokens the table stores 0.02 ms a column, with the same hits and scores (to 2e-7).
// The question's median went from 4.1 to 2.8-3.0 times its embedding. Reading the table costs about
// 0.1 s at open and after each update for those 1,253 passages, and the memory held is at most
// ANN_MIN_ROWS × (2 KB of vector and 8 bytes for each distinct token of a passage, besides the words).
import type { Table } from '@lancedb/lancedb';
import type { FixedSizeList, Float32, Vector } from 'apache-arrow';
import { turnTaker } from '../../../util/next-turn.js';
import { inverseDocumentFrequency, ScoreBoard, termScore } from '../bm25.js';
import type { Hit } from '../passage-index.js';
import { TopHits } from '../top-hits.js';
import { VectorRows } from '../vector-rows.js';
import { scannableRows } from '../vector-kernel.js';

/** The columns searched by words: the passage's tokens and its heading's, space-joined (`passage-table.ts`). */
export type WordColumn = 'text' | 'title';

/** A growable array of 32-bit integers. */
class IntList {
  items = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = x;
  }
}

/**
 * One column's postings: each token numbered, and for each number the rows holding it and how often,
 * packed into two arrays once read (`finish`) with an offset per token; arrays of numbers per token
 * cost three times the time, mostly in garbage collection.
 */
class ColumnPostings {
  private readonly numbers = new Map<string, number>();
  /** While reading: (token, row, count) for each distinct token of each row, in row order. */
  private triples = new IntList();
  /** While reading: for each token, the last row it was seen in and where that row's count is. */
  private lastRow = new IntList();
  private lastAt = new IntList();
  private readonly lengths = new IntList();
  private average = 1;
  private offsets = new Int32Array(0);
  private rowsOf = new Int32Array(0);
  private countsOf = new Int32Array(0);

  add(row: number, tokens: string): void {
    let length = 0;
    for (const token of tokens.split(' ')) {
      if (token === '') continue;
      length++;
      let n = this.numbers.get(token);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(token, n);
        this.lastRow.push(-1);
        this.lastAt.push(0);
      }
      if (this.lastRow.items[n] === row) {
        this.triples.items[this.lastAt.items[n] + 2]++;
        continue;
      }
      this.lastRow.items[n] = row;
      this.lastAt.items[n] = this.triples.length;
      this.triples.push(n);
      this.triples.push(row);
      this.triples.push(1);
    }
    this.lengths.push(length);
  }

  /** After the last row: the postings grouped by token, rows in order. */
  finish(): void {
    const tokens = this.numbers.size;
    const { items, length } = this.triples;
    this.offsets = new Int32Array(tokens + 1);
    for (let i = 0; i < length; i += 3) this.offsets[items[i] + 1]++;
    for (let n = 0; n < tokens; n++) this.offsets[n + 1] += this.offsets[n];
    const next = this.offsets.slice(0, tokens);
    this.rowsOf = new Int32Array(length / 3);
    this.countsOf = new Int32Array(length / 3);
    for (let i = 0; i < length; i += 3) {
      const at = next[items[i]]++;
      this.rowsOf[at] = items[i + 1];
      this.countsOf[at] = items[i + 2];
    }
    this.triples = this.lastRow = this.lastAt = new IntList();
    let total = 0;
    for (let row = 0; row < this.lengths.length; row++) total += this.lengths.items[row];
    this.average = total / Math.max(this.lengths.length, 1) || 1;
  }

  /** Each row's BM25 for the terms, added to `board`. */
  score(terms: readonly string[], board: ScoreBoard): void {
    for (const term of terms) {
      const n = this.numbers.get(term);
      if (n === undefined) continue;
      const from = this.offsets[n];
      const to = this.offsets[n + 1];
      const idf = inverseDocumentFrequency(to - from, this.lengths.length);
      for (let i = from; i < to; i++) board.add(this.rowsOf[i], termScore(idf, this.countsOf[i], this.lengths.items[this.rowsOf[i]], this.average));
    }
  }
}

/** The table's tokens, searched by BM25 per column as LanceDB's full-text index searches them. */
export class WordRows {
  private readonly board = new ScoreBoard();

  constructor(
    private readonly columns: Record<WordColumn, ColumnPostings>,
    private readonly ids: string[],
    private readonly docIds: string[],
  ) {}

  /** The best `limit` rows of one column for any of the terms (each once), within the documents given. */
  search(column: WordColumn, terms: readonly string[], limit: number, docIds?: readonly string[]): Hit[] {
    const only = docIds && new Set(docIds);
    try {
      this.columns[column].score([...new Set(terms)], this.board);
      const top = new TopHits<number>(limit);
      for (const row of this.board.touched) if (!only || only.has(this.docIds[row])) top.offer(row, this.board.scores[row]);
      return top.best().map(({ item, score }) => ({ id: this.ids[item], score }));
    } finally {
      this.board.clear();
    }
  }
}

export interface SmallTable {
  vectors: VectorRows;
  words: WordRows;
}

/** Every row's vector, tokens, passage and document, read from the table into memory. */
export async function readSmallTable(table: Table, rows: number, dimensions: number): Promise<SmallTable> {
  const vectors = scannableRows(rows, dimensions) ?? new Float32Array(rows * dimensions);
  const ids: string[] = [];
  const docIds: string[] = [];
  const columns = { text: new ColumnPostings(), title: new ColumnPostings() };
  // Counting a few thousand passages' tokens holds the thread for a while; a server answers meanwhile.
  const turn = turnTaker();
  for await (const batch of table.query().select(['id', 'doc_id', 'vector', 'text', 'title'])) {
    const id = batch.getChild('id')!;
    const docId = batch.getChild('doc_id')!;
    const vector = batch.getChild('vector') as Vector<FixedSizeList<Float32>>;
    const text = batch.getChild('text')!;
    const title = batch.getChild('title')!;
    for (let i = 0; i < batch.numRows; i++) {
      const row = ids.length;
      vectors.set(vector.get(i)!.toArray(), row * dimensions);
      columns.text.add(row, text.get(i) as string);
      columns.title.add(row, title.get(i) as string);
      ids.push(id.get(i) as string);
      docIds.push(docId.get(i) as string);
      await turn();
    }
  }
  columns.text.finish();
  columns.title.finish();
  return { vectors: new VectorRows(vectors, dimensions, ids, docIds), words: new WordRows(columns, ids, docIds) };
}
