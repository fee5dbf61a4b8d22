// Adding and removing documents, for the API and the page alike: check the file, write it to the
// uploads folder, re-index, and undo the write if the re-index fails. A refused request changes
// nothing. Writes run one at a time, and a full, read-only or locked disk is a clear refusal, not a 500.
import { extname } from 'node:path';
import { documentOf } from '../ingest/document-of.js';
import { ACCEPTED_EXTENSIONS, readerFor } from '../ingest/formats/format-reader.js';
import { pruneOcrCache } from '../ingest/formats/ocr-cache.js';
import { withPageReader, type OcrOptions } from '../ingest/formats/ocr.js';
import { readIsolated } from '../ingest/formats/read-isolated.js';
import { isUpload } from '../ingest/read-sources.js';
import { findSameUpload, removeUpload, safeFileName, setUploadAside, writeUpload } from '../ingest/upload-folder.js';
import type { IndexReport } from '../search/index/build-index.js';
import { IndexLockedError } from '../search/index/index-lock.js';
import type { DocumentSummary } from '../search/index/corpus.js';
import type { AnswerEngine } from './answer-engine.js';

export interface WriteError {
  status: 403 | 404 | 409 | 413 | 415 | 422 | 503 | 507;
  code: string;
  message: string;
}

const NO_UPLOADS: WriteError = { status: 403, code: 'writes_disabled', message: 'this server has no uploads folder' };

/** Added (with the re-index report), or found already there: the same bytes uploaded before (`duplicate`). */
export type AddResult = { document: DocumentSummary; report: IndexReport } | { document: DocumentSummary; duplicate: true } | { error: WriteError };

export interface NewDocument {
  /** The name the file came with, or the title for text sent as JSON. */
  fileName: string;
  bytes: Buffer;
}

/** The refusal known from a file's name and size alone, before reading it: an upload of several files is refused whole for one of these. */
export function formatRefusal(doc: NewDocument): WriteError | undefined {
  const reader = readerFor(doc.fileName);
  if (!reader) {
    return { status: 415, code: 'unsupported_file_type', message: `only ${ACCEPTED_EXTENSIONS.join(', ')} files can be added` };
  }
  if (doc.bytes.byteLength > reader.maxBytes) {
    return { status: 413, code: 'payload_too_large', message: `a ${reader.extensions[0]} document may be at most ${reader.maxBytes / 1024 / 1024} MB` };
  }
  return undefined;
}

/** Why a file would not make a searchable document, or undefined when it would. */
async function refusal(doc: NewDocument, ocr: OcrOptions | undefined): Promise<WriteError | undefined> {
  const byFormat = formatRefusal(doc);
  if (byFormat) return byFormat;
  // Reading an image here OCRs it once; the index reads the result from the OCR cache.
  const read = await withPageReader(ocr, (pages) => readIsolated(doc.fileName, doc.bytes, { ocr: pages }));
  if ('error' in read) return { status: 422, code: 'undecodable', message: `the file could not be read: ${read.error}` };
  if (documentOf({ id: 'check', path: 'check', name: 'check', text: read.text }).passages.length === 0) return { status: 422, code: 'empty_document', message: 'the file holds no text to index' };
  return undefined;
}

/** The refusal for a failure of the disk or of the index folder's lock; undefined for anything else. */
function storageRefusal(err: unknown): WriteError | undefined {
  if (err instanceof IndexLockedError) return { status: 503, code: 'index_busy', message: `${err.message}; nothing was changed, try again later` };
  const code = (err as NodeJS.ErrnoException).code;
  // LanceDB's errors carry no code, only the system's message (`No space left on device (os error 28)`).
  const full = code === 'ENOSPC' || code === 'EDQUOT' || /No space left on device|os error 28\b|Disk quota exceeded|os error 122\b/.test((err as Error).message ?? '');
  if (full) return { status: 507, code: 'insufficient_storage', message: 'the disk is full; nothing was changed' };
  if (code === 'EROFS') return { status: 503, code: 'read_only_storage', message: 'the uploads or index folder is on a read-only disk; nothing was changed' };
  if (code === 'EACCES' || code === 'EPERM') {
    return { status: 503, code: 'storage_permission_denied', message: 'the server may not write to the uploads or index folder; nothing was changed' };
  }
  return undefined;
}

/** The document read from a file: by its path, since a file whose name another shares but for its extension gets another id. */
const byPath = (engine: AnswerEngine, path: string) => engine.documents().find((d) => d.path === path);

/** Document writes one at a time per uploads folder: an upload and a delete never interleave. */
const queues = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(uploadsDir: string, write: () => Promise<T | { error: WriteError }>): Promise<T | { error: WriteError }> {
  const run = (queues.get(uploadsDir) ?? Promise.resolve()).then(write);
  queues.set(uploadsDir, run.catch(() => {}));
  try {
    return await run;
  } catch (err) {
    const refused = storageRefusal(err);
    if (refused) return { error: refused };
    throw err;
  }
}

/** `onPhase` hears when the file is being read (and OCR'd) and when the index is being rebuilt with it, for an upload job to show. */
export async function addDocument(engine: AnswerEngine, doc: NewDocument, onPhase: (phase: 'reading' | 'indexing') => void = () => {}): Promise<AddResult> {
  const uploadsDir = engine.uploadsDir;
  if (!uploadsDir) return { error: NO_UPLOADS };
  onPhase('reading');
  const refused = await refusal(doc, engine.ocr);
  if (refused) {
    // Pages OCR read for a refused file leave the cache: a refused request leaves nothing behind.
    if (engine.ocr?.cacheDir) pruneOcrCache(engine.ocr.cacheDir, new Set(engine.documents().flatMap((d) => engine.document(d.id)?.scans?.map((s) => s.image) ?? [])));
    return { error: refused };
  }
  return oneAtATime<AddResult>(uploadsDir, async () => {
    const same = findSameUpload(uploadsDir, doc.bytes);
    const existing = same && byPath(engine, same);
    if (existing) return { document: existing, duplicate: true };
    const path = writeUpload(uploadsDir, safeFileName(doc.fileName, extname(doc.fileName).toLowerCase()), doc.bytes);
    onPhase('indexing');
    try {
      const report = await engine.refresh();
      const document = byPath(engine, path);
      if (!document) throw new Error(`${path} was written but not indexed`);
      return { document, report };
    } catch (err) {
      removeUpload(uploadsDir, path);
      throw err;
    }
  });
}

export type RemoveResult = { report: IndexReport } | { error: WriteError };

/** Removes an uploaded document; the file is deleted only once the index without it is saved. */
export async function removeDocument(engine: AnswerEngine, id: string): Promise<RemoveResult> {
  const uploadsDir = engine.uploadsDir;
  if (!uploadsDir) return { error: NO_UPLOADS };
  return oneAtATime<RemoveResult>(uploadsDir, async () => {
    const doc = engine.document(id);
    if (!doc) return { error: { status: 404, code: 'unknown_document', message: 'no such document' } };
    if (!isUpload(doc.path)) {
      return { error: { status: 409, code: 'not_an_upload', message: 'only uploaded documents can be deleted; remove other files from the corpus folder' } };
    }
    const aside = setUploadAside(uploadsDir, doc.path);
    let report: IndexReport;
    try {
      report = await engine.refresh();
    } catch (err) {
      aside.undo();
      throw err;
    }
    aside.commit();
    return { report };
  });
}
