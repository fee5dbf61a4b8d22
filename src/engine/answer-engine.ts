// The one entry point for answering: opens (or builds) the index, answers questions, and re-indexes
// the folders when they change. The API, the page and the command line all call `ask`, so they rank
// identically.
import { DEFAULT_CHUNKING, type ChunkOptions } from '../ingest/chunk-passages.js';
import { type Passage } from '../ingest/document-model.js';
import { join } from 'node:path';
import type { OcrOptions } from '../ingest/formats/ocr.js';
import { readSources } from '../ingest/read-sources.js';
import { composeAnswer, paragraphFeatures, type AskResult, type ComposedAnswer } from '../search/answer/compose-answer.js';
import { buildIndex, describeReport, type BuildProgress, type IndexReport } from '../search/index/build-index.js';
import type { CorpusIndex } from '../search/index/corpus-index.js';
import type { StoredDocument } from '../ingest/document-model.js';
import { passageOf, reusable, type DocumentSummary } from '../search/index/corpus.js';
import { loadEmbedder, type Embedder } from '../search/embed/embedder.js';
import { queryEmbeddingText } from '../search/embed/embedding-text.js';
import { fingerprintOf, settingsFingerprint } from '../search/index/fingerprint.js';
import { folderDigest } from '../ingest/folder-digest.js';
import { lockIndexFolder } from '../search/index/index-lock.js';
import { readQuestion } from '../search/answer/follow-up.js';
import { isOverviewQuestion, OVERVIEW_MESSAGE, overviewOf } from '../search/answer/overview.js';
import { loadIndex, loadIndexOfSources, loadStoredCorpus, recordSources, sameFingerprint, saveIndex, STAGING_PREFIX, type Fingerprint } from '../search/index/index-store.js';
import { backendOfBuild, indexBackend, type BackendName } from '../search/index/backends.js';
import { TOKENIZER_ID } from '../search/tokenize/jieba-dictionary.js';
import { followIndex, waitForIndex } from './follow-index.js';
import type { IndexBackend } from '../search/index/passage-index.js';
import { QueryBatcher } from '../search/embed/query-batcher.js';
import { QueryVectorCache } from '../search/embed/query-vector-cache.js';
import { retrieve } from '../search/rank/retrieve.js';
import type { FusionMethod } from '../search/rank/fuse-scores.js';
import { CANDIDATE_DEPTH } from '../search/knobs.js';
import { TOP_K } from '../limits.js';
import { nextTurn } from '../util/next-turn.js';
import { collectGarbage } from '../util/collect-garbage.js';

export interface EngineOptions {
  corpusDir: string;
  /** Folder of documents added through the API; indexed with the corpus when it exists. Without it, nothing can be added. */
  uploadsDir?: string;
  indexDir: string;
  /** The index backend (default Orama). */
  indexBackend?: BackendName;
  modelDir: string;
  chunking?: ChunkOptions;
  /** Rebuild even when the stored index is current. */
  rebuild?: boolean;
  log?: (line: string) => void;
  onProgress?: (progress: BuildProgress) => void;
  /** Query vectors kept for repeated questions (0 turns the cache off, as the latency bench does). */
  queryCacheSize?: number;
  /** An embedder already loaded (tests share one); otherwise the model in `modelDir` is loaded. */
  embedder?: Embedder;
  /** Embed questions that arrive together in one model call (default on; off for the load bench's comparison). */
  queryBatching?: boolean;
  /** Read page images and scanned PDF pages by OCR (default on; OCR=0 turns it off). */
  ocr?: boolean;
}

/** How long the files of a replaced index stay open: longer than any question takes. */
const RETIRE_AFTER_MS = 60_000;

/** A folder of its own, in the index folder (so on its file system), for a build in progress. */
const stagingFolder = (indexDir: string) => join(indexDir, `${STAGING_PREFIX}${Date.now()}-${process.pid}`);

/**
 * The digest of the folders' files (paths, sizes, times) and of the OCR setting, taken in a worker
 * thread: a start whose digest matches the stored build's loads it without reading any file (a
 * million-passage folder takes a minute to read).
 */
const sourcesOf = (options: EngineOptions) =>
  folderDigest(options.uploadsDir ? [options.corpusDir, options.uploadsDir] : [options.corpusDir], JSON.stringify({ ocr: options.ocr !== false }));

/**
 * After the folders were read and found to hold what the stored build was made from, records their new
 * digest so the next start need not read them again. A folder another writer holds, or one that cannot
 * be written, still serves: the next start reads the files again.
 */
function noteSources(indexDir: string, fingerprint: Fingerprint, sources: string): void {
  try {
    const release = lockIndexFolder(indexDir);
    try {
      recordSources(indexDir, fingerprint, sources);
    } finally {
      release();
    }
  } catch {
    // Nothing lost but the shortcut.
  }
}

/** Where OCR results are kept, next to the index; undefined when OCR is off. */
export const ocrOptionsOf = (options: Pick<EngineOptions, 'indexDir' | 'ocr'>) => (options.ocr === false ? undefined : { cacheDir: join(options.indexDir, 'ocr-cache') });

export interface AskInput {
  question: string;
  topK?: number;
  docId?: string;
  /** The previous question of a conversation: a short or elliptical question is read with it. */
  context?: string;
}

export class AnswerEngine {
  private readonly queryVectors: QueryVectorCache;
  private readonly embedQuestion: (text: string) => Promise<number[]>;
  /** Re-indexes run one after another, never two at once. */
  private queue: Promise<unknown> = Promise.resolve();
  private swaps = 0;

  private constructor(
    /** Replaced whole by a re-index: a question in flight keeps the index it started with. */
    private index: CorpusIndex,
    private fingerprint: Fingerprint,
    private readonly embedder: Embedder,
    private readonly backend: IndexBackend,
    private readonly options: EngineOptions,
    /** What opening did: undefined when the stored index was loaded as it was. */
    readonly buildReport: IndexReport | undefined,
  ) {
    this.queryVectors = new QueryVectorCache(options.queryCacheSize);
    const batcher = new QueryBatcher((texts) => embedder.embedQueries(texts));
    this.embedQuestion = options.queryBatching === false ? async (text) => (await embedder.embedQueries([text]))[0] : (text) => batcher.embed(text);
  }

  /**
   * A replica (REPLICA=1): serves the newest complete index a writer made in `indexDir` and follows each
   * new one, never reading the folders or writing the index itself. Waits for the writer's first build.
   */
  static async openReplica(options: EngineOptions & { followEveryMs?: number }): Promise<AnswerEngine> {
    const log = options.log ?? (() => {});
    const embedder = options.embedder ?? (await loadEmbedder(options.modelDir));
    const first = await waitForIndex(options.indexDir, log, options.followEveryMs);
    const checkModel = (fingerprint: Fingerprint) => {
      if (fingerprint.model !== embedder.fingerprint || fingerprint.tokenizer !== TOKENIZER_ID) {
        throw new Error(`the index in ${options.indexDir} was built with another model or tokenizer than this replica's; update both to the same version`);
      }
    };
    checkModel(first.fingerprint);
    const engine = new AnswerEngine(first.index, first.fingerprint, embedder, await backendOfBuild(first.fingerprint.backend), { ...options, uploadsDir: undefined }, undefined);
    engine.replica = true;
    engine.stopFollowing = followIndex(
      options.indexDir,
      first.build,
      (loaded) => {
        checkModel(loaded.fingerprint);
        engine.swapIn(loaded.index, loaded.fingerprint);
      },
      log,
      options.followEveryMs,
    );
    log(`replica: serving ${first.build} (${first.index.corpus.passageCount} passages), following new builds in ${options.indexDir}`);
    collectGarbage();
    return engine;
  }

  /** A replica never re-indexes: the writer does, and the replica follows. */
  private replica = false;
  private stopFollowing: () => void = () => {};

  /** Stops following the index folder (a replica); nothing else needs closing. */
  close(): void {
    this.stopFollowing();
  }

  /**
   * A complete index takes over in one assignment: a question in flight keeps the one it started with,
   * and the files of the one replaced stay open a while for it.
   */
  private swapIn(index: CorpusIndex, fingerprint: Fingerprint): void {
    const replaced = this.index;
    setTimeout(() => replaced.corpus.close(), RETIRE_AFTER_MS).unref();
    this.index = index;
    this.fingerprint = fingerprint;
    this.swaps++;
    collectGarbage();
  }

  /** True when this open built (or updated) the index rather than loading it. */
  get built(): boolean {
    return this.buildReport !== undefined;
  }

  static async open(options: EngineOptions): Promise<AnswerEngine> {
    const log = options.log ?? (() => {});
    const chunking = options.chunking ?? DEFAULT_CHUNKING;
    const embedder = options.embedder ?? (await loadEmbedder(options.modelDir));
    const backend = await indexBackend(options.indexBackend);
    const serve = (loaded: { index: CorpusIndex; fingerprint: Fingerprint }, how: string) => {
      log(`index loaded${how}: ${loaded.index.corpus.passageCount} passages from ${loaded.index.corpus.documents.length} documents`);
      collectGarbage();
      return new AnswerEngine(loaded.index, loaded.fingerprint, embedder, backend, options, undefined);
    };
    const taking = sourcesOf(options);
    // Awaited below whatever happens; until then a failure to take it must not count as unhandled.
    taking.catch(() => {});
    if (!options.rebuild) {
      const unchanged = await loadIndexOfSources(options.indexDir, taking, settingsFingerprint(embedder.fingerprint, chunking, backend.name), backend);
      if ('index' in unchanged) return serve(unchanged, ' (no file changed since it was built)');
    }
    // Taken before the files are read: a file written while they are read makes the next start read them again.
    const sources = await taking;
    const files = await readSources(options.corpusDir, options.uploadsDir, log, ocrOptionsOf(options));
    const fingerprint = fingerprintOf(files, embedder.fingerprint, chunking, backend.name);
    if (!options.rebuild) {
      const loaded = await loadIndex(options.indexDir, fingerprint, backend);
      if ('index' in loaded) {
        noteSources(options.indexDir, fingerprint, sources);
        return serve({ index: loaded.index, fingerprint }, '');
      }
      log(`building the index: ${loaded.reason}`);
    }
    // The last build's vectors serve again for every passage whose text is unchanged; its parse of an
    // unchanged file serves again unless a rebuild was asked for or the chunking differs.
    const release = lockIndexFolder(options.indexDir);
    const stored = loadStoredCorpus(options.indexDir);
    try {
      const sameModel = stored?.fingerprint.model === embedder.fingerprint;
      const { index, report } = await buildIndex(files, embedder, {
        chunking,
        onProgress: options.onProgress,
        previous: sameModel ? await reusable(stored.corpus) : undefined,
        reuseDocuments: sameModel && !options.rebuild && stored.fingerprint.chunker === fingerprint.chunker,
        backend,
        staging: stagingFolder(options.indexDir),
      });
      const saved = await saveIndex(options.indexDir, index, fingerprint, sources);
      log(`index built: ${describeReport(report)}`);
      collectGarbage();
      return new AnswerEngine(saved, fingerprint, embedder, backend, options, report);
    } finally {
      stored?.corpus.close();
      release();
    }
  }

  /**
   * Reads the folders again and, if anything changed, builds the new index beside the one being served
   * and switches to it in one assignment once it is complete and saved.
   */
  refresh(): Promise<IndexReport> {
    if (this.replica) return Promise.reject(new Error('a replica never writes the index; re-index on the writer'));
    const run = this.queue.then(() => this.reindex());
    this.queue = run.catch(() => {});
    return run;
  }

  private async reindex(): Promise<IndexReport> {
    const log = this.options.log ?? (() => {});
    const chunking = this.options.chunking ?? DEFAULT_CHUNKING;
    const sources = await sourcesOf(this.options);
    const files = await readSources(this.options.corpusDir, this.options.uploadsDir, log, ocrOptionsOf(this.options));
    const fingerprint = fingerprintOf(files, this.embedder.fingerprint, chunking, this.backend.name);
    const current = this.index;
    if (sameFingerprint(fingerprint, this.fingerprint)) {
      noteSources(this.options.indexDir, fingerprint, sources);
      const n = current.corpus.documents.length;
      return { documents: n, passages: current.corpus.passageCount, added: 0, changed: 0, removed: 0, unchanged: n, embedded: 0 };
    }
    const release = lockIndexFolder(this.options.indexDir);
    let saved: CorpusIndex;
    let report: IndexReport;
    try {
      const built = await buildIndex(files, this.embedder, { chunking, previous: await reusable(current.corpus), reuseDocuments: true, backend: this.backend, staging: stagingFolder(this.options.indexDir) });
      report = built.report;
      saved = await saveIndex(this.options.indexDir, built.index, fingerprint, sources);
    } finally {
      release();
    }
    this.swapIn(saved, fingerprint);
    log(`index updated: ${describeReport(report)}`);
    return report;
  }

  /** Counts index swaps: whatever was derived from an older generation (example questions) is stale. */
  get generation(): number {
    return this.swaps;
  }

  /** Where added documents are written. */
  get uploadsDir(): string | undefined {
    return this.options.uploadsDir;
  }

  /** How this engine reads page images (undefined when OCR is off). */
  get ocr(): OcrOptions | undefined {
    return ocrOptionsOf(this.options);
  }

  get passageCount(): number {
    return this.index.corpus.passageCount;
  }

  /** Every document, as lists show it. */
  documents(): readonly DocumentSummary[] {
    return this.index.corpus.documents;
  }

  summary(id: string): DocumentSummary | undefined {
    return this.index.corpus.summary(id);
  }

  document(id: string): StoredDocument | undefined {
    return this.index.corpus.document(id);
  }

  passage(id: string): Passage | undefined {
    return passageOf(this.index.corpus, id);
  }

  /** Repeated questions come from the cache; a question is embedded in its matching form, as passages are. */
  private queryVector(query: string): Promise<number[]> {
    return this.queryVectors.get(query, (q) => this.embedQuestion(queryEmbeddingText(q)));
  }

  /** For `npm run fit:sentences`: the sentences of the top passage's paragraph, with their features. */
  async sentenceFeatures(question: string): Promise<ReturnType<typeof paragraphFeatures>> {
    const read = readQuestion(question);
    const vector = await this.queryVector(read.query);
    const [top] = await retrieve(this.index, read.query, vector);
    return top ? paragraphFeatures(this.index, read, top.passage) : undefined;
  }

  /** `fusion` is for the evaluation, which compares keyword-only, vector-only and hybrid ranking. */
  async ask(input: AskInput, fusion?: FusionMethod): Promise<AskResult> {
    return (await this.askJudged(input, fusion)).result;
  }

  /** The answer with the evidence the no-answer rule judged, for `npm run fit:no-answer`. */
  async askJudged(input: AskInput, fusion?: FusionMethod): Promise<ComposedAnswer> {
    const startedAt = performance.now();
    const index = this.index;
    if (isOverviewQuestion(input.question)) {
      const documents = input.docId ? index.corpus.documents.filter((d) => d.id === input.docId) : index.corpus.documents;
      const overview = overviewOf(documents);
      const tookMs = Math.round((performance.now() - startedAt) * 10) / 10;
      return { result: { question: input.question, answer: null, message: OVERVIEW_MESSAGE, overview, passages: [], tookMs } };
    }
    const topK = input.topK ?? TOP_K.default;
    const read = readQuestion(input.question, input.context);
    const vector = await this.queryVector(read.query);
    const candidates = await retrieve(index, read.query, vector, { docId: input.docId, depth: Math.max(CANDIDATE_DEPTH, topK), fusion, focus: read.focus });
    // Ranking and composing each take a few milliseconds of the event loop; between them, requests
    // that arrived meanwhile (a health check, a page) get their turn instead of queueing behind all.
    await nextTurn();
    return composeAnswer(index, input.question, read, candidates, topK, startedAt);
  }
}
