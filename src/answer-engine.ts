// The one entry point for answering: opens (or builds) the index, then answers questions. The API,
// the page and the command line all call `ask`, so they rank identically.
import { join } from 'node:path';
import { DEFAULT_CHUNKING, type ChunkOptions, type Passage } from './ingest/chunk-passages.js';
import { readCorpus } from './ingest/read-corpus.js';
import { composeAnswer, type AskResult } from './search/answer.js';
import { buildIndex, type BuildProgress } from './search/build-index.js';
import type { CorpusIndex, StoredDocument } from './search/corpus-index.js';
import { loadEmbedder, type Embedder } from './search/embedder.js';
import { EmbeddingCache } from './search/embedding-cache.js';
import { fingerprintOf } from './search/fingerprint.js';
import { readQuestion } from './search/follow-up.js';
import { loadIndex, saveIndex } from './search/index-store.js';
import { embeddingText } from './search/passage-db.js';
import { QueryVectorCache } from './search/query-vector-cache.js';
import { retrieve } from './search/retrieve.js';
import type { FusionMethod } from './search/fuse-scores.js';

export interface EngineOptions {
  corpusDir: string;
  indexDir: string;
  modelDir: string;
  chunking?: ChunkOptions;
  /** Rebuild even when the stored index is current. */
  rebuild?: boolean;
  log?: (line: string) => void;
  onProgress?: (progress: BuildProgress) => void;
  /** Query vectors kept for repeated questions (0 turns the cache off, as the latency bench does). */
  queryCacheSize?: number;
}

export interface AskInput {
  question: string;
  topK?: number;
  docId?: string;
  /** The previous question of a conversation: a short or elliptical question is read with it. */
  context?: string;
}

export const DEFAULT_TOP_K = 5;

export class AnswerEngine {
  private readonly queryVectors: QueryVectorCache;

  private constructor(
    private readonly index: CorpusIndex,
    private readonly embedder: Embedder,
    /** True when this open built the index rather than loading it. */
    readonly built: boolean,
    queryCacheSize?: number,
  ) {
    this.queryVectors = new QueryVectorCache(queryCacheSize);
  }

  static async open(options: EngineOptions): Promise<AnswerEngine> {
    const log = options.log ?? (() => {});
    const chunking = options.chunking ?? DEFAULT_CHUNKING;
    const embedder = await loadEmbedder(options.modelDir);
    const files = readCorpus(options.corpusDir, (f) => log(`skipped ${f.path}: ${f.reason}`));
    const fingerprint = fingerprintOf(files, embedder.fingerprint, chunking);
    if (!options.rebuild) {
      const loaded = await loadIndex(options.indexDir, fingerprint);
      if ('index' in loaded) {
        log(`index loaded: ${loaded.index.passages.length} passages from ${loaded.index.documents.length} documents`);
        return new AnswerEngine(loaded.index, embedder, false, options.queryCacheSize);
      }
      log(`building the index: ${loaded.reason}`);
    }
    const cache = new EmbeddingCache(join(options.indexDir, 'cache'), embedder.fingerprint, embedder.dimensions);
    cache.load();
    const index = await buildIndex(files, embedder, { chunking, cache, onProgress: options.onProgress });
    saveIndex(options.indexDir, index, fingerprint);
    cache.save(index.passages.map(embeddingText));
    log(`index built: ${index.passages.length} passages from ${index.documents.length} documents`);
    return new AnswerEngine(index, embedder, true, options.queryCacheSize);
  }

  get passageCount(): number {
    return this.index.passages.length;
  }

  passageCountsByDocument(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const p of this.index.passages) counts.set(p.docId, (counts.get(p.docId) ?? 0) + 1);
    return counts;
  }

  documents(): StoredDocument[] {
    return this.index.documents;
  }

  document(id: string): StoredDocument | undefined {
    return this.index.documentById.get(id);
  }

  passage(id: string): Passage | undefined {
    return this.index.passageById.get(id);
  }

  /** `fusion` is for the evaluation, which compares keyword-only, vector-only and hybrid ranking. */
  async ask(input: AskInput, fusion?: FusionMethod): Promise<AskResult> {
    const startedAt = performance.now();
    const topK = input.topK ?? DEFAULT_TOP_K;
    const read = readQuestion(input.question, input.context);
    const vector = await this.queryVectors.get(read.query, (q) => this.embedder.embedQuery(q));
    const candidates = await retrieve(this.index, read.query, vector, { docId: input.docId, depth: Math.max(50, topK), fusion, focus: read.focus });
    return composeAnswer(this.index, input.question, read, candidates, topK, startedAt);
  }
}
