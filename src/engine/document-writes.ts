// Adding and removing documents, for the API and the page alike: check the file, write it to the
// uploads folder, re-index, and undo the write if the re-index fails. A refused request changes nothing.
import { extname } from 'node:path';
import { DEFAULT_CHUNKING, chunkDocument } from '../ingest/chunk-passages.js';
import { ACCEPTED_EXTENSIONS, readerFor } from '../ingest/formats/format-reader.js';
import { parseDocument } from '../ingest/parse-document.js';
import { documentId } from '../ingest/read-corpus.js';
import { isUpload } from '../ingest/read-sources.js';
import { readUpload, removeUpload, restoreUpload, safeFileName, writeUpload } from '../ingest/upload-folder.js';
import { MAX_UPLOAD_BYTES } from '../limits.js';
import type { IndexReport } from '../search/index/build-index.js';
import type { StoredDocument } from '../search/index/corpus-index.js';
import type { AnswerEngine } from './answer-engine.js';

export interface WriteError {
  status: 403 | 404 | 409 | 413 | 415 | 422;
  code: string;
  message: string;
}

const NO_UPLOADS: WriteError = { status: 403, code: 'writes_disabled', message: 'this server has no uploads folder' };

export type AddResult = { document: StoredDocument; report: IndexReport } | { error: WriteError };

export interface NewDocument {
  /** The name the file came with, or the title for text sent as JSON. */
  fileName: string;
  bytes: Buffer;
}

/** Why a file would not make a searchable document, or undefined when it would. */
function refusal(doc: NewDocument): WriteError | undefined {
  const reader = readerFor(doc.fileName);
  if (!reader) {
    return { status: 415, code: 'unsupported_file_type', message: `only ${ACCEPTED_EXTENSIONS.join(', ')} files can be added` };
  }
  if (doc.bytes.byteLength > MAX_UPLOAD_BYTES) {
    return { status: 413, code: 'payload_too_large', message: `a document may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
  }
  const read = reader.read(doc.bytes);
  if ('error' in read) return { status: 422, code: 'undecodable', message: `the file could not be read as text: ${read.error}` };
  const parsed = parseDocument('check', 'check', read.text, 'check');
  if (chunkDocument(parsed, DEFAULT_CHUNKING).length === 0) return { status: 422, code: 'empty_document', message: 'the file holds no text to index' };
  return undefined;
}

export async function addDocument(engine: AnswerEngine, doc: NewDocument): Promise<AddResult> {
  const uploadsDir = engine.uploadsDir;
  if (!uploadsDir) return { error: NO_UPLOADS };
  const refused = refusal(doc);
  if (refused) return { error: refused };
  const path = writeUpload(uploadsDir, safeFileName(doc.fileName, extname(doc.fileName).toLowerCase()), doc.bytes);
  try {
    const report = await engine.refresh();
    const document = engine.document(documentId(path));
    if (!document) throw new Error(`${path} was written but not indexed`);
    return { document, report };
  } catch (err) {
    removeUpload(uploadsDir, path);
    throw err;
  }
}

export type RemoveResult = { report: IndexReport } | { error: WriteError };

/** Removes an uploaded document; if the re-index fails, the file is put back, so nothing changed. */
export async function removeDocument(engine: AnswerEngine, id: string): Promise<RemoveResult> {
  const doc = engine.document(id);
  if (!doc) return { error: { status: 404, code: 'unknown_document', message: 'no such document' } };
  if (!isUpload(doc.path)) {
    return { error: { status: 409, code: 'not_an_upload', message: 'only uploaded documents can be deleted; remove other files from the corpus folder' } };
  }
  const uploadsDir = engine.uploadsDir;
  if (!uploadsDir) return { error: NO_UPLOADS };
  const bytes = readUpload(uploadsDir, doc.path);
  removeUpload(uploadsDir, doc.path);
  try {
    return { report: await engine.refresh() };
  } catch (err) {
    restoreUpload(uploadsDir, doc.path, bytes);
    throw err;
  }
}
