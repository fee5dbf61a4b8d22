// The one entry point for answering: the API, the page and the command line all call `ask`, so they
// rank identically. The index it answers from is kept by `IndexKeeper` (open, follow, re-index, swap).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Passage, StoredDocument } from '../ingest/document-model.js';
import { isUpload, UPLOADS_PREFIX } from '../ingest/read-sources.js';
import type { OcrOptions } from '../ingest/formats/ocr.js';
import type { SkippedFile } from '../ingest/read-corpus.js';
import { readSkipped } from '../ingest/skipped-files.js';
import { composeAnswer, paragraphFeatures, type AskResult, type ComposedAnswer } from '../search/answer/compose-answer.js';
import { overviewOf } from '../search/answer/overview.js';
import { loadEmbedder, type Embedder } from '../search/embed/embedder.js';
import { queryEmbeddingText } from '../search/embed/embedding-text.js';
import { QueryBatcher } from '../search/embed/query-batcher.js';
import { QueryVectorCache } from '../search/embed/query-vector-cache.js';
import type { IndexReport } from '../search/index/build-index.js';
import { passageOf, type DocumentSummary } from '../search/index/corpus.js';
import { CANDIDATE_DEPTH } from '../search/knobs.js';
import { readQuestion } from '../search/question/question.js';
import type { FusionMethod } from '../search/rank/fuse-scores.js';
import { retrieve } from '../search/rank/retrieve.js';
import { prepareStages, rank } from '../search/rank/stages.js';
import { TOP_K } from '../limits.js';
import { nextTurn } from '../util/next-turn.js';
import type { EngineOptions } from './engine-options.js';
import { IndexKeeper, ocrOptionsOf } from './index-keeper.js';
import { isScopeError, resolveScope, type ResolvedScope, type Scope, type ScopeError } from './scope.js';

export type { EngineOptions } from './engine-options.js';
export { ocrOptionsOf } from './index-keeper.js';

export interface AskInput {
  question: string;
  topK?: number;
  docId?: string;
  /** A folder under the corpus (`laws`) or `@uploads`: only its documents are searched. */
  folder?: string;
  /** The previous question of a conversation: a short or elliptical question is read with it. */
  context?: string;
}

export class AnswerEngine {
  private readonly queryVectors: QueryVectorCache;
  /** Questions between their retrieval and their answer: prepared ranking only for a lone one. */
  private asking = 0;
  private readonly embedQuestion: (text: string) => Promise<number[]>;

  private constructor(
    readonly keeper: IndexKeeper,
    embedder: Embedder,
    private readonly options: EngineOptions,
  ) {
    this.queryVectors = new QueryVectorCache(options.queryCacheSize);
    const batcher = new QueryBatcher((texts) => embedder.embedQueries(texts));
    this.embedQuestion = options.queryBatching === false ? async (text) => (await embedder.embedQueries([text]))[0] : (text) => batcher.embed(text);
  }

  /** Opens (or builds) the index of the folders. */
  static async open(options: EngineOptions): Promise<AnswerEngine> {
    const embedder = options.embedder ?? (await loadEmbedder(options.modelDir));
    return new AnswerEngine(await IndexKeeper.open(options, embedder), embedder, options);
  }

  /** A replica (REPLICA=1): serves and follows the builds a writer makes in `indexDir`. */
  static async openReplica(options: EngineOptions & { followEveryMs?: number }): Promise<AnswerEngine> {
    const embedder = options.embedder ?? (await loadEmbedder(options.modelDir));
    return new AnswerEngine(await IndexKeeper.openReplica(options, embedder), embedder, { ...options, uploadsDir: undefined });
  }

  /** Stops following the index folder (a replica); nothing else needs closing. */
  close(): void {
    this.keeper.close();
  }

  /** Re-reads the folders and swaps in a new index if anything changed (see `IndexKeeper.refresh`). */
  refresh(): Promise<IndexReport> {
    return this.keeper.refresh();
  }

  /** What opening did: undefined when the stored index was loaded as it was. */
  get buildReport(): IndexReport | undefined {
    return this.keeper.buildReport;
  }

  /** How far a first build's embedding has got while questions are answered by keyword alone; undefined when the index is complete. */
  get indexing(): { done: number; total: number } | undefined {
    return this.keeper.indexing;
  }

  /** Settles when the first build is complete and serving (at once unless `serveWhileBuilding` served early). */
  whenBuilt(): Promise<void> {
    return this.keeper.whenBuilt();
  }

  /** True when this open built (or updated) the index rather than loading it. */
  get built(): boolean {
    return this.keeper.buildReport !== undefined;
  }

  /** Counts index swaps: whatever was derived from an older generation (example questions) is stale. */
  get generation(): number {
    return this.keeper.generation;
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
    return this.keeper.index.corpus.passageCount;
  }

  /** Every document, as lists show it. */
  documents(): readonly DocumentSummary[] {
    return this.keeper.index.corpus.documents;
  }

  /** The files the last read of the folders left out, each with its reason. */
  skippedFiles(): SkippedFile[] {
    return readSkipped(this.options.indexDir);
  }

  /** Where the file a document was read from is on this machine; undefined for an upload on a server with no uploads folder. */
  sourcePath(doc: Pick<DocumentSummary, 'path'>): string | undefined {
    const { corpusDir, uploadsDir } = this.options;
    return isUpload(doc.path) ? uploadsDir && join(uploadsDir, doc.path.slice(UPLOADS_PREFIX.length)) : join(corpusDir, doc.path);
  }

  /** The file a document was read from: its size and last change; undefined where this server cannot see it (a replica's uploads). */
  fileOf(doc: DocumentSummary): { bytes: number; modified: Date } | undefined {
    const file = this.sourcePath(doc);
    const stat = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
    return stat && { bytes: stat.size, modified: stat.mtime };
  }

  summary(id: string): DocumentSummary | undefined {
    return this.keeper.index.corpus.summary(id);
  }

  document(id: string): StoredDocument | undefined {
    return this.keeper.index.corpus.document(id);
  }

  /** The documents a question's scope allows (undefined: all), or why it names nothing. */
  scope(input: Scope): ResolvedScope | ScopeError | undefined {
    const corpus = this.keeper.index.corpus;
    return resolveScope(corpus.documents, input, (id) => corpus.summary(id));
  }

  passage(id: string): Passage | undefined {
    return passageOf(this.keeper.index.corpus, id);
  }

  /** Repeated questions come from the cache; a question is embedded in its matching form, as passages are. */
  private queryVector(query: string): Promise<number[]> {
    return this.queryVectors.get(query, (q) => this.embedQuestion(queryEmbeddingText(q)));
  }

  /** For `npm run fit:sentences`: the sentences of the top passage's paragraph, with their features. */
  async sentenceFeatures(text: string): Promise<ReturnType<typeof paragraphFeatures>> {
    const index = this.keeper.index;
    const question = readQuestion(text);
    const [top] = rank(await retrieve(index, question, this.queryVector(question.query)), index, question);
    return top ? paragraphFeatures(index, question, top.passage) : undefined;
  }

  /** `fusion` is for the evaluation, which compares keyword-only, vector-only and hybrid ranking. */
  async ask(input: AskInput, fusion?: FusionMethod): Promise<AskResult> {
    return (await this.askJudged(input, fusion)).result;
  }

  /** The answer with the evidence the no-answer rule judged, for `npm run fit:no-answer`. */
  async askJudged(input: AskInput, fusion?: FusionMethod): Promise<ComposedAnswer> {
    const startedAt = performance.now();
    const index = this.keeper.index;
    const question = readQuestion(input.question, input.context);
    const scope = resolveScope(index.corpus.documents, input, (id) => index.corpus.summary(id));
    if (isScopeError(scope)) throw new Error(scope.message);
    if (question.broad) {
      const allowed = scope && new Set(scope.docIds);
      const documents = allowed ? index.corpus.documents.filter((d) => allowed.has(d.id)) : index.corpus.documents;
      const tookMs = Math.round((performance.now() - startedAt) * 10) / 10;
      return { result: { question: input.question, answer: null, ...overviewOf(documents), passages: [], tookMs } };
    }
    const topK = input.topK ?? TOP_K.default;
    // An index without vectors yet is searched by keyword alone: the model is busy embedding its passages.
    // Otherwise the question is embedded while retrieval searches by keyword.
    const vector = index.keywordOnly ? [] : this.queryVector(question.query);
    // Ranking is prepared while the vector is computed only when this question is the only one asked:
    // then the thread would wait idle. With others in flight it has their answers to compose, and
    // work done ahead for one question would hold up the rest (and /healthz) under load.
    const prepare = this.asking === 0 ? prepareStages(index, question) : undefined;
    this.asking++;
    try {
      const candidates = rank(await retrieve(index, question, vector, { docIds: scope?.docIds, depth: Math.max(CANDIDATE_DEPTH, topK), prepare }), index, question, fusion);
      // Ranking and composing each take a few milliseconds of the event loop; between them, requests
      // that arrived meanwhile (a health check, a page) get their turn instead of queueing behind all.
      await nextTurn();
      const composed = composeAnswer(index, question, candidates, topK, startedAt, scope !== undefined);
      const indexing = index.keywordOnly ? this.keeper.indexing : undefined;
      if (indexing) composed.result.indexing = indexing;
      return composed;
    } finally {
      this.asking--;
    }
  }
}
