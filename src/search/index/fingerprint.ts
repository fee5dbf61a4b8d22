// What an index was built from. Any difference means the stored index is stale.
import { createHash } from 'node:crypto';
import type { ChunkOptions } from '../../ingest/chunk-passages.js';
import type { SourceFile } from '../../ingest/read-corpus.js';
import { PARSER_VERSION } from '../../ingest/parse-document.js';
import { INDEX_FORMAT_VERSION, type Fingerprint } from './index-store.js';
import { TOKENIZER_ID } from '../tokenize/jieba-dictionary.js';
import { DEFAULT_BACKEND } from './default-backend.js';

/** Everything a fingerprint holds but the corpus: how the index is made. */
export function settingsFingerprint(modelFingerprint: string, chunking: ChunkOptions, backend: string = DEFAULT_BACKEND.name): Omit<Fingerprint, 'corpus'> {
  return {
    format: INDEX_FORMAT_VERSION,
    model: modelFingerprint,
    chunker: JSON.stringify({ ...chunking, parser: PARSER_VERSION }),
    tokenizer: TOKENIZER_ID,
    backend,
  };
}

/** `backend`: the index backend's name; an index built by another is rebuilt (from the same vectors). */
export function fingerprintOf(files: SourceFile[], modelFingerprint: string, chunking: ChunkOptions, backend: string = DEFAULT_BACKEND.name): Fingerprint {
  const corpus = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) corpus.update(f.path).update('\0').update(f.text).update('\0');
  return { ...settingsFingerprint(modelFingerprint, chunking, backend), corpus: corpus.digest('hex').slice(0, 16) };
}
