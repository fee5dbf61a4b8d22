// Adding and removing documents, for the API and the page alike: check the file, write it to the
// uploads folder, re-index, and undo the write if the re-index fails. A refused request changes nothing.
import { extname } from 'node:path';
import type { AnswerEngine } from '../answer-engine.js';
import { DEFAULT_CHUNKING, chunkDocument } from '../ingest/chunk-passages.js';
import { decodeText } from '../ingest/decode-text.js';
import { htmlToText } from '../ingest/html-to-text.js';
import { parseDocument } from '../ingest/parse-document.js';
import { CORPUS_EXTENSIONS, documentId } from '../ingest/read-corpus.js';
import { isUpload } from '../ingest/read-sources.js';
import { isCorpusExtension, removeUpload, safeFileName, writeUpload } from '../ingest/upload-folder.js';
import type { IndexReport } from '../search/build-index.js';
import type { StoredDocument } from '../search/corpus-index.js';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

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
function refusal(doc: NewDocument, extension: string): WriteError | undefined {
  if (!isCorpusExtension(extension)) {
    return { status: 415, code: 'unsupported_file_type', message: `only ${CORPUS_EXTENSIONS.join(', ')} files can be added` };
  }
  if (doc.bytes.byteLength > MAX_UPLOAD_BYTES) {
    return { status: 413, code: 'payload_too_large', message: `a document may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
  }
  const decoded = decodeText(doc.bytes);
  if ('error' in decoded) return { status: 422, code: 'undecodable', message: `the file could not be read as text: ${decoded.error}` };
  const text = /^\.html?$/i.test(extension) ? htmlToText(decoded.text) : decoded.text;
  const parsed = parseDocument('check', 'check', text, 'check');
  if (chunkDocument(parsed, DEFAULT_CHUNKING).length === 0) return { status: 422, code: 'empty_document', message: 'the file holds no text to index' };
  return undefined;
}

export async function addDocument(engine: AnswerEngine, doc: NewDocument): Promise<AddResult> {
  const uploadsDir = engine.uploadsDir;
  if (!uploadsDir) return { error: NO_UPLOADS };
  const extension = extname(doc.fileName).toLowerCase();
  const refused = refusal(doc, extension);
  if (refused) return { error: refused };
  const path = writeUpload(uploadsDir, safeFileName(doc.fileName, extension), doc.bytes);
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

export async function removeDocument(engine: AnswerEngine, id: string): Promise<RemoveResult> {
  const doc = engine.document(id);
  if (!doc) return { error: { status: 404, code: 'unknown_document', message: 'no such document' } };
  if (!isUpload(doc.path)) {
    return { error: { status: 409, code: 'not_an_upload', message: 'only uploaded documents can be deleted; remove other files from the corpus folder' } };
  }
  if (!engine.uploadsDir) return { error: NO_UPLOADS };
  removeUpload(engine.uploadsDir, doc.path);
  return { report: await engine.refresh() };
}
