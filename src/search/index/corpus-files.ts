// A corpus on disk, read a document at a time. Three data files hold one record per document, in
// corpus order: `documents.jsonl` (the document for display), `passages.jsonl` (its passages) and
// `vectors.f32` (its passages' vectors). `corpus-table.json` holds the list of documents and where each
// record starts, with a CRC-32 per record. Opening reads the table only, so a served corpus costs the
// memory of its document list whatever its size, and a restart does not read the data files whole:
// their sizes are checked when they are opened, and each record against its CRC when it is read.
import { closeSync, existsSync, fstatSync, fsync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Passage } from '../../ingest/document-model.js';
import { nextTurn, turnTaker } from '../../util/next-turn.js';
import { scannableRows } from './vector-kernel.js';
import type { Corpus, DocumentSummary } from './corpus.js';
import type { StoredDocument } from '../../ingest/document-model.js';

const fsyncFile = promisify(fsync);

export const CORPUS_TABLE_FILE = 'corpus-table.json';
const DATA_FILES = ['documents.jsonl', 'passages.jsonl', 'vectors.f32'] as const;
type DataFile = (typeof DATA_FILES)[number];

interface CorpusTable {
  documents: DocumentSummary[];
  /** Per data file, where each document's record ends (it starts where the previous one ends). */
  ends: Record<DataFile, number[]>;
  /** Per data file, each record's CRC-32. */
  checks: Record<DataFile, number[]>;
}

/** Documents written, read or checked between two turns of the event loop. */
export const RECORD_SLICE = 500;

/** One data file being written, under a temporary name until it is complete. */
class RecordWriter {
  private readonly fd: number;
  private size = 0;
  readonly ends: number[] = [];
  readonly checks: number[] = [];

  constructor(private readonly path: string) {
    this.fd = openSync(`${path}.tmp`, 'w');
  }

  write(bytes: Uint8Array): void {
    writeSync(this.fd, bytes);
    this.size += bytes.byteLength;
    this.ends.push(this.size);
    this.checks.push(crc32(bytes));
  }

  /** Flushed to disk on libuv's thread pool: a synchronous flush of a million passages' vectors (2 GB) held the server for seconds. */
  async finish(): Promise<number> {
    await fsyncFile(this.fd);
    closeSync(this.fd);
    renameSync(`${this.path}.tmp`, this.path);
    return this.size;
  }

  abandon(): void {
    closeSync(this.fd);
    rmSync(`${this.path}.tmp`, { force: true });
  }
}

/**
 * Writes the corpus's data files into `folder` and returns the table (the caller writes and checksums
 * it, as it does the backend's files) and the data files' sizes.
 */
export async function writeCorpusFiles(folder: string, corpus: Corpus): Promise<{ table: Buffer; sizes: Record<string, number> }> {
  const writers = Object.fromEntries(DATA_FILES.map((name) => [name, new RecordWriter(join(folder, name))])) as Record<DataFile, RecordWriter>;
  try {
    const turn = turnTaker();
    for (const summary of corpus.documents) {
      const vectors = corpus.vectorsOf(summary.id);
      writers['documents.jsonl'].write(Buffer.from(`${JSON.stringify(corpus.document(summary.id))}\n`));
      writers['passages.jsonl'].write(Buffer.from(`${JSON.stringify(corpus.passagesOf(summary.id))}\n`));
      writers['vectors.f32'].write(new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength));
      await turn();
    }
  } catch (err) {
    for (const writer of Object.values(writers)) writer.abandon();
    throw err;
  }
  const sizes: Record<string, number> = {};
  for (const name of DATA_FILES) sizes[name] = await writers[name].finish();
  const table: CorpusTable = {
    documents: [...corpus.documents],
    ends: Object.fromEntries(DATA_FILES.map((name) => [name, writers[name].ends])) as CorpusTable['ends'],
    checks: Object.fromEntries(DATA_FILES.map((name) => [name, writers[name].checks])) as CorpusTable['checks'],
  };
  return { table: Buffer.from(JSON.stringify(table)), sizes };
}

/** The names of the data files, whose sizes a build's manifest records. */
export const CORPUS_DATA_FILES: readonly string[] = DATA_FILES;

/**
 * Bytes of records kept parsed, per data file, for the documents asked about most recently. Counted
 * in bytes, not documents: a corpus of short files (CMRC dev as a folder, 1.7 MB of passage records)
 * is then held whole, where 256 documents held a third of it and reading records from the file cost
 * a tenth of a question's time (a CPU profile of 400 questions); a corpus of large files still holds a
 * bounded number.
 */
const CACHED_RECORD_BYTES = 16 * 1024 * 1024;

/** A map that forgets its least recently used entries once their sizes add up past `limit`; the newest is kept whatever its size. */
class RecentlyUsed<V> {
  private readonly entries = new Map<number, { value: V; size: number }>();
  private total = 0;
  constructor(private readonly limit: number) {}

  get(key: number, size: number, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = make();
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limit || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
    return value;
  }
}

export interface StoredCorpusFiles extends Corpus {
  /** Every vector, rows in corpus order, each record checked: for a backend that holds them all. */
  allVectors(): Float32Array;
}

/** A record of the corpus's files that fails its check: the build holding it cannot lend it to another. */
export class CorruptRecordError extends Error {}

/** A corpus read from `folder`'s data files; throws when a data file is missing or not the size the build recorded. */
export function openCorpusFiles(folder: string, tableBytes: Buffer, sizes: Record<string, number>, dimensions: number): StoredCorpusFiles {
  const table = JSON.parse(tableBytes.toString('utf8')) as CorpusTable;
  const fds: Partial<Record<DataFile, number>> = {};
  const close = () => Object.values(fds).forEach((fd) => closeSync(fd));
  try {
    for (const name of DATA_FILES) {
      fds[name] = openSync(join(folder, name), 'r');
      if (fstatSync(fds[name]).size !== sizes[name]) throw new Error(`index file ${name} is corrupt (not the size its build recorded)`);
    }
  } catch (err) {
    close();
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT' ? DATA_FILES.find((name) => !existsSync(join(folder, name))) : undefined;
    throw missing ? new Error(`index file ${missing} is missing`) : err;
  }

  // A manifest whose numbers disagree with its data (dimensions 1024 for 512-wide vectors) would be
  // served and fail every question: it is a damaged build, rebuilt like one.
  const passageCount = table.documents.reduce((n, d) => n + d.passages, 0);
  if (sizes['vectors.f32'] !== passageCount * dimensions * Float32Array.BYTES_PER_ELEMENT) {
    close();
    throw new Error(`index file vectors.f32 does not hold ${passageCount} vectors of ${dimensions} dimensions, as its manifest says`);
  }
  const indexOf = new Map(table.documents.map((d, i) => [d.id, i]));
  const recordSize = (name: DataFile, i: number) => table.ends[name][i] - (i === 0 ? 0 : table.ends[name][i - 1]);
  const record = (name: DataFile, i: number): Buffer => {
    const start = i === 0 ? 0 : table.ends[name][i - 1];
    // Every byte is read into it, so it is not zeroed first.
    const bytes = Buffer.allocUnsafeSlow(recordSize(name, i));
    readSync(fds[name]!, bytes, 0, bytes.length, start);
    if (crc32(bytes) !== table.checks[name][i]) {
      throw new CorruptRecordError(`index file ${name} is corrupt (record ${i + 1} fails its check); delete the index folder ${dirname(folder)} and start again to rebuild it`);
    }
    return bytes;
  };
  const recentDocuments = new RecentlyUsed<StoredDocument>(CACHED_RECORD_BYTES);
  const recentPassages = new RecentlyUsed<Passage[]>(CACHED_RECORD_BYTES);
  const recentVectors = new RecentlyUsed<Float32Array>(CACHED_RECORD_BYTES);
  const passagesAt = (i: number) => recentPassages.get(i, recordSize('passages.jsonl', i), () => JSON.parse(record('passages.jsonl', i).toString('utf8')) as Passage[]);
  // The rows of `allVectors()`'s array, while a backend holds it (Orama does, for its scan): a query's
  // candidates then take their vectors from memory instead of reading them from the file again.
  let lent: WeakRef<Float32Array> | undefined;
  const firstRow = table.documents.reduce<number[]>((starts, d, i) => (starts.push(i === 0 ? 0 : starts[i - 1] + table.documents[i - 1].passages), starts), []);
  const vectorsAt = (i: number) => {
    const all = lent?.deref();
    if (all) return all.subarray(firstRow[i] * dimensions, (firstRow[i] + table.documents[i].passages) * dimensions);
    return recentVectors.get(i, recordSize('vectors.f32', i), () => {
      const bytes = record('vectors.f32', i);
      // A fresh Buffer of its own starts at offset 0 of its memory, where floats are aligned.
      const vectors = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / Float32Array.BYTES_PER_ELEMENT);
      if (vectors.length !== table.documents[i].passages * dimensions) throw new CorruptRecordError(`index file vectors.f32 is corrupt (record ${i + 1} has the wrong length)`);
      return vectors;
    });
  };

  return {
    passageCount,
    documents: table.documents,
    summary: (id) => table.documents[indexOf.get(id) ?? -1],
    document(id) {
      const i = indexOf.get(id);
      return i === undefined ? undefined : recentDocuments.get(i, recordSize('documents.jsonl', i), () => JSON.parse(record('documents.jsonl', i).toString('utf8')) as StoredDocument);
    },
    passagesOf(docId) {
      const i = indexOf.get(docId);
      return i === undefined ? [] : passagesAt(i);
    },
    vectorsOf(docId) {
      const i = indexOf.get(docId);
      return i === undefined ? new Float32Array(0) : vectorsAt(i);
    },
    async verify() {
      for (let i = 0; i < table.documents.length; i++) {
        for (const name of DATA_FILES) record(name, i);
        if ((i + 1) % RECORD_SLICE === 0) await nextTurn();
      }
    },
    allVectors() {
      const all = scannableRows(passageCount, dimensions) ?? new Float32Array(passageCount * dimensions);
      let at = 0;
      table.documents.forEach((_, i) => {
        const bytes = record('vectors.f32', i);
        all.set(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / Float32Array.BYTES_PER_ELEMENT), at);
        at += bytes.byteLength / Float32Array.BYTES_PER_ELEMENT;
      });
      lent = new WeakRef(all);
      return all;
    },
    close,
  };
}
