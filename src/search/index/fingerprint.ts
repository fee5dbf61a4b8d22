// What an index was built from. Any difference means the stored index is stale.
import { createHash } from 'node:crypto';
import type { ChunkOptions } from '../../ingest/chunk-passages.js';
import type { SourceFile } from '../../ingest/read-corpus.js';
import { PARSER_VERSION } from '../../ingest/parse-document.js';
import { INDEX_FORMAT_VERSION, type Fingerprint } from './index-store.js';
import { TOKENIZER_ID } from '../tokenize/jieba-dictionary.js';
import { DEFAULT_BACKEND } from './default-backend.js';
import { turnTaker } from '../../util/next-turn.js';

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

/** The order of `localeCompare`, three times faster to sort 125,000 paths with (85 against 286 ms). */
const byPath = new Intl.Collator();

/**
 * `backend`: the index backend's name; an index built by another is rebuilt (from the same vectors).
 * Every file's text is hashed, with turns of the event loop, as a re-index runs beside questions.
 */
export async function fingerprintOf(files: SourceFile[], modelFingerprint: string, chunking: ChunkOptions, backend: string = DEFAULT_BACKEND.name): Promise<Fingerprint> {
  const corpus = createHash('sha256');
  const turn = turnTaker();
  for (const f of [...files].sort((a, b) => byPath.compare(a.path, b.path))) {
    corpus.update(f.path).update('\0').update(f.text).update('\0');
    await turn();
  }
  return { ...settingsFingerprint(modelFingerprint, chunking, backend), corpus: corpus.digest('hex').slice(0, 16) };
}
