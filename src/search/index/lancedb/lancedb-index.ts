// The LanceDB backend (`INDEX_BACKEND=lancedb`): passages in a Lance table on disk, searched by LanceDB's
// own BM25 over the project's jieba tokens and by cosine over the bge vectors. Everything LanceDB-specific
// about xunyuan lives in this folder.
import './lancedb-environment.js';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { connect as connectLance, Index, MatchQuery, Session, type Table } from '@lancedb/lancedb';
import type { Passage } from '../../../ingest/document-model.js';
import { nextTurn } from '../../../util/next-turn.js';
import { REMOTE_FOLDER_FILE, type IndexBackend, type KeywordQuery, type UpdatableIndex, type VectorQuery } from '../passage-index.js';
import { filesUnder } from '../../../util/files-under.js';
import { lanceStorageOptions } from '../object-store/store-settings.js';
import { countTerms, readTermCounts, TERMS_FILE, uncountTerms, writeTermCounts } from './term-counts.js';
import { passageSchema, TABLE, toRow, type PassageRow } from './passage-table.js';
import { ROW_IDS_FILE, RowIds } from './row-ids.js';
import { checkDataset, DATASET_FILES, listDataset } from './dataset-files.js';
import { readSmallTable, type SmallTable, type WordColumn } from './small-table.js';

/** The folder inside a build that holds the Lance dataset. */
const DATASET_FOLDER = 'lancedb';

/**
 * Text arrives already cut into jieba tokens, space-joined: LanceDB splits on spaces and changes nothing
 * (no lower-casing, stemming, stop words or folding of its own), so a token matches only the same token.
 * A fresh `Index` each time: LanceDB consumes one per use.
 */
export const fullTextIndex = () => Index.fts({ baseTokenizer: 'whitespace', lowercase: false, stem: false, removeStopWords: false, asciiFolding: false, withPosition: false });

/**
 * From this many passages the vectors get an approximate index; below it the table is held in memory
 * and searched there, its vectors scanned exactly, as the Orama backend scans them (`small-table.ts`). LanceDB's own exact scan
 * costs 1.7 to 4.5 µs a passage here (100,000 distinct passages, `npm run bench:scale`: 167 to 454 ms
 * a question), so it stops at 10,000, where the vectors held take 20 MB.
 */
const ANN_MIN_ROWS = 10_000;
/**
 * The approximate index is IVF with RaBitQ codes (1 bit a dimension, 64 bytes a vector; built in 1.2 s
 * for 100,000 vectors, against 68 s for IVF-PQ), and the nearest REFINED_ROWS by those codes are ranked
 * again by their stored vectors, however many the search asks for. Ranking again costs about 47 µs a
 * row at a million passages (LanceDB reads each row's vector): refining 20 times a question's limit of
 * 50, as before, cost it more than anything else the engine does. IVF-PQ with 32 bytes a vector
 * reached .724 recall@10 (BENCHMARKS.md "Sixth session").
 */
const vectorIndex = () => Index.ivfRq({ distanceType: 'cosine' });
/**
 * Rows ranked again, and partitions searched: LanceDB makes about √rows partitions, and searching 15%
 * of them costs little next to ranking rows again. Recall@10 against exact search, 50 CMRC questions,
 * a search for 50 (BENCHMARKS.md "Eighth session"): 100,000 distinct passages, 150 rows and 48
 * partitions .984 at 7.4 ms (300 and 20: .990 at 10.6 ms; 1,000 and 20: .996 at 21–27 ms); a million,
 * 150 rows and 150 partitions .956 at 20.4 ms (300 and 60: .956 at 23 ms; 200 and 150: .968 at 22 ms;
 * 50 and 60: .852 at 9 ms). In the engine at a million, where the keyword searches run beside it, the
 * vector search took 29 ms a question against 35 ms with 300 and 60.
 */
const REFINED_ROWS = 150;
const probes = (rows: number) => Math.max(20, Math.ceil(0.15 * Math.sqrt(rows)));

/**
 * An updated table's full-text and vector indexes are brought up to date (LanceDB's `optimize`, which
 * also compacts the table and so rewrites it) once this many of its rows are outside them. Until then
 * LanceDB searches those rows without an index, and every update costs only its own rows.
 */
const OPTIMIZE_AFTER_UNINDEXED = 20_000;

/** Ids per LanceDB filter when passages are removed: the filter is an SQL `IN` list. */
const REMOVE_SLICE = 1_000;

/** Rows handed to LanceDB per call: each call makes one fragment of the table. */
const ADD_SLICE = 5_000;
/** Passages tokenized between two turns of the event loop. */
const TOKENIZE_SLICE = 250;

/**
 * LanceDB's caches of index and file metadata, per process. Its defaults (6 GB and 1 GB) let a server's
 * memory grow with every part of the index a query ever touched; bounded, what was read least recently
 * is read from disk again.
 */
const INDEX_CACHE_BYTES = 128n * 1024n * 1024n;
const METADATA_CACHE_BYTES = 32n * 1024n * 1024n;
let session: Session | undefined;
/** A dataset on object storage (`s3://…`) is reached with the same settings as the rest of the index there. */
const connect = (location: string) =>
  connectLance(location, location.startsWith('s3://') ? { storageOptions: lanceStorageOptions() } : {}, (session ??= new Session(INDEX_CACHE_BYTES, METADATA_CACHE_BYTES)));

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const onlyDocuments = (docIds: readonly string[] | undefined) => (docIds === undefined ? undefined : `doc_id IN (${docIds.map(sqlString).join(', ') || 'NULL'})`);

/**
 * Links every file of the dataset at `from` into `to`. Lance never changes a file it wrote (a new
 * version writes new files), so the copy shares the data with the build it came from, costs no disk,
 * and whatever it writes next leaves the original as it was.
 */
function linkDataset(from: string, to: string): void {
  for (const file of filesUnder(from)) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(file, target);
    } catch {
      // A file system without hard links: a plain copy.
      cpSync(file, target);
    }
  }
}

class LanceIndex implements UpdatableIndex {
  /** Below ANN_MIN_ROWS, the table's vectors and tokens held in memory and searched there (`small-table.ts`). */
  private inMemory?: SmallTable;

  constructor(
    private table: Table,
    /** Where the dataset lives now: the staging folder while building, the build folder once saved. */
    private location: string,
    private readonly dimensions: number,
    private readonly termCounts: Map<string, number>,
    private rows: number,
    /** Searches return row ids, not the id column (see row-ids.ts). */
    private rowIds: RowIds,
    /** The dataset's listing as its build saved it (DATASET_FILES): the checksums of the files a copy shares. */
    private readonly listed?: Buffer,
  ) {}

  get size() {
    return this.rows;
  }

  async insert(passages: Passage[], vectors: Float32Array) {
    for (let start = 0; start < passages.length; start += ADD_SLICE) {
      const rows: PassageRow[] = [];
      // Tokenizing is the slow part of a build here: the event loop gets a turn every few hundred passages.
      for (let i = start; i < Math.min(start + ADD_SLICE, passages.length); i++) {
        const row = toRow(passages[i], vectors.subarray(i * this.dimensions, (i + 1) * this.dimensions));
        countTerms(this.termCounts, row.text);
        rows.push(row);
        if (rows.length % TOKENIZE_SLICE === 0) await nextTurn();
      }
      await this.table.add(rows);
      await nextTurn();
    }
    this.rows += passages.length;
    if (this.rows === 0) return;
    await this.index();
    await this.rowsChanged();
  }

  /** After rows came or went: the row-id table, and the table held in memory while it is small. */
  private async rowsChanged(): Promise<void> {
    this.rowIds = await RowIds.scan(this.table);
    await this.holdSmallTable();
  }

  /** Reads the table into memory while it is below ANN_MIN_ROWS; lets it go past it. */
  async holdSmallTable(): Promise<void> {
    this.inMemory = this.rows < ANN_MIN_ROWS ? await readSmallTable(this.table, this.rows, this.dimensions) : undefined;
  }

  /**
   * Indexes what was added: a new table whole; an updated one only when enough of it is outside its
   * indexes (OPTIMIZE_AFTER_UNINDEXED), and otherwise not yet. A table below ANN_MIN_ROWS is searched
   * in memory, by its words as by its vectors, and gets no index: its full-text indexes took a tenth of
   * the time a CMRC dev build spends beyond the model. It gets them all once it grows past that.
   */
  private async index(): Promise<void> {
    if (this.rows < ANN_MIN_ROWS) return;
    const listed = await this.table.listIndices();
    const indexes = new Set(listed.map((i) => i.columns.join()));
    const wanted = ['text', 'title', 'vector'];
    const text = listed.find((i) => i.columns.join() === 'text');
    if (text) {
      const unindexed = (await this.table.indexStats(text.name))?.numUnindexedRows ?? 0;
      if (unindexed >= OPTIMIZE_AFTER_UNINDEXED) await this.table.optimize({ cleanupOlderThan: new Date() });
    }
    for (const column of wanted.filter((c) => !indexes.has(c))) {
      const config = column === 'vector' ? vectorIndex() : fullTextIndex();
      await this.table.createIndex(column, { config, replace: true });
    }
  }

  async copy(staging: string): Promise<LanceIndex | undefined> {
    // A dataset on object storage is changed by its writer's own copy, never in place.
    if (/^[a-z0-9]+:\/\//.test(this.location)) return undefined;
    linkDataset(this.location, staging);
    const table = await (await connect(staging)).openTable(TABLE);
    const copied = new LanceIndex(table, staging, this.dimensions, new Map(this.termCounts), this.rows, this.rowIds, this.listed);
    copied.inMemory = this.inMemory;
    return copied;
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    for (let start = 0; start < ids.length; start += REMOVE_SLICE) {
      const filter = `id IN (${ids.slice(start, start + REMOVE_SLICE).map(sqlString).join(', ')})`;
      // Their tokens leave the term counts: read before they go.
      const gone = await this.table.query().where(filter).select(['text']).toArray();
      for (const row of gone) uncountTerms(this.termCounts, row.text as string);
      await this.table.delete(filter);
      this.rows -= gone.length;
      await nextTurn();
    }
    await this.rowsChanged();
  }

  async keywordSearch(query: KeywordQuery) {
    const terms = [...new Set(query.terms)];
    if (this.rows === 0 || terms.length === 0) return [];
    // Each field searched on its own and the two BM25s summed here, the title's scaled by the boost:
    // LanceDB's multi-column match keeps only the better field's score, and a boolean query over both
    // fields, which sums them, skips none of the postings (a million passages: 119 ms a search, against
    // 14 + 9 ms for the two fields alone). A passage outside one field's best `limit` gets nothing from
    // that field, as if it did not match there.
    const words = terms.join(' ');
    const filter = onlyDocuments(query.docIds);
    const inMemory = this.inMemory?.words;
    const field = async (column: WordColumn) => {
      if (inMemory) return inMemory.search(column, terms, query.limit, query.docIds);
      let search = this.table.search(new MatchQuery(words, column));
      if (filter) search = search.where(filter);
      const found = await search.select(['_score']).withRowId().limit(query.limit).toArray();
      return found.map((r) => ({ id: this.rowIds.idOf(r._rowid as bigint), score: r._score as number }));
    };
    const [text, title] = await Promise.all([field('text'), field('title')]);
    const scores = new Map(text.map((h) => [h.id, h.score]));
    for (const h of title) scores.set(h.id, (scores.get(h.id) ?? 0) + query.titleBoost * h.score);
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit);
  }

  async vectorSearch(query: VectorQuery) {
    if (this.rows === 0) return [];
    if (this.inMemory) return this.inMemory.vectors.search(query.vector, query.limit, query.docIds);
    let search = this.table.vectorSearch(Float32Array.from(query.vector)).distanceType('cosine');
    if (this.rows >= ANN_MIN_ROWS) search = search.refineFactor(Math.max(1, Math.ceil(REFINED_ROWS / query.limit))).nprobes(probes(this.rows));
    const filter = onlyDocuments(query.docIds);
    if (filter) search = search.where(filter);
    const found = await search.select(['_distance']).withRowId().limit(query.limit).toArray();
    // LanceDB's cosine distance is 1 − cosine similarity.
    return found.map((r) => ({ id: this.rowIds.idOf(r._rowid as bigint), score: 1 - (r._distance as number) }));
  }

  documentFrequency(term: string) {
    return this.termCounts.get(term) ?? 0;
  }

  /** Moves the dataset from staging into the build folder and serves from there; the term counts go with it as a file. */
  async save(folder: string) {
    const target = join(folder, DATASET_FOLDER);
    this.table.close();
    try {
      renameSync(this.location, target);
    } catch {
      // Staging on another file system (a temporary folder): copy instead.
      cpSync(this.location, target, { recursive: true });
      rmSync(this.location, { recursive: true, force: true });
    }
    this.location = target;
    this.table = await (await connect(target)).openTable(TABLE);
    return [
      { name: TERMS_FILE, bytes: writeTermCounts(this.termCounts) },
      { name: ROW_IDS_FILE, bytes: this.rowIds.toBytes() },
      { name: DATASET_FILES, bytes: await listDataset(target, this.listed) },
    ];
  }
}

export const lancedbBackend: IndexBackend = {
  name: 'lancedb',
  files: [TERMS_FILE, ROW_IDS_FILE, DATASET_FILES],
  async create(dimensions, staging) {
    const location = staging ?? mkdtempSync(join(tmpdir(), 'xunyuan-lancedb-'));
    const table = await (await connect(location)).createEmptyTable(TABLE, passageSchema(dimensions), { mode: 'overwrite' });
    return new LanceIndex(table, location, dimensions, new Map(), 0, RowIds.empty);
  },
  objectStoreFolder: DATASET_FOLDER,
  async open(folder, files, _vectors, dimensions) {
    // A build copied from object storage left its dataset there: LanceDB reads it by URL, and the store
    // (which wrote every file before the build's CURRENT) is trusted for it as for the rest of its data.
    const remote = join(folder, REMOTE_FOLDER_FILE);
    const location = existsSync(remote) ? readFileSync(remote, 'utf8').trim() : join(folder, DATASET_FOLDER);
    if (location === join(folder, DATASET_FOLDER)) checkDataset(location, files[DATASET_FILES]);
    const table = await (await connect(location)).openTable(TABLE);
    const index = new LanceIndex(table, location, dimensions, readTermCounts(files[TERMS_FILE]), await table.countRows(), RowIds.fromBytes(files[ROW_IDS_FILE]), files[DATASET_FILES]);
    await index.holdSmallTable();
    return index;
  },
};
