// Keeps the index an engine answers from: opens the stored build (or builds one), follows a writer's
// builds as a replica, re-indexes when the folders change, and swaps a new build in whole. Every step
// with the folders' digest, the write lock and the index folder happens here; `AnswerEngine` only asks.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CHUNKING, type ChunkOptions } from '../ingest/chunk-passages.js';
import { folderDigest } from '../ingest/folder-digest.js';
import { readSources } from '../ingest/read-sources.js';
import { recordSkipped } from '../ingest/skipped-files.js';
import type { Embedder } from '../search/embed/embedder.js';
import { backendOfBuild, indexBackend } from '../search/index/backends.js';
import { buildIndex, describeReport, type IndexReport } from '../search/index/build-index.js';
import type { CorpusIndex } from '../search/index/corpus-index.js';
import { reusable } from '../search/index/corpus.js';
import { CorruptRecordError } from '../search/index/corpus-files.js';
import { fingerprintOf, settingsFingerprint } from '../search/index/fingerprint.js';
import { lockIndexFolder } from '../search/index/index-lock.js';
import { currentBuild, loadIndex, loadIndexOfSources, loadStoredCorpus, recordSources, sameFingerprint, saveIndex, STAGING_PREFIX, type Fingerprint } from '../search/index/index-store.js';
import { RemoteIndex } from '../search/index/object-store/remote-index.js';
import type { IndexBackend } from '../search/index/passage-index.js';
import { DEFAULT_BACKEND } from '../search/index/default-backend.js';
import type { SourceFile } from '../ingest/read-corpus.js';
import { TOKENIZER_ID } from '../search/tokenize/jieba-dictionary.js';
import { collectGarbage } from '../util/collect-garbage.js';
import type { EngineOptions } from './engine-options.js';
import { FOLLOW_EVERY_MS, followIndex, waitForIndex } from './follow-index.js';

/** How long the files of a replaced index stay open: longer than any question takes. */
const RETIRE_AFTER_MS = 60_000;

/** A folder of its own, in the index folder (so on its file system), for a build in progress. */
const stagingFolder = (indexDir: string) => join(indexDir, `${STAGING_PREFIX}${Date.now()}-${process.pid}`);

/**
 * A build's staging folder goes when the build ends: a saved build moved it into its own folder, and a
 * failed one (a full disk) would otherwise leave one more behind at every try, on the disk that is full.
 * A folder that cannot be removed now is removed by the next save.
 */
function removeStaging(staging: string): void {
  try {
    rmSync(staging, { recursive: true, force: true });
  } catch {
    // Left for the next save's cleanup.
  }
}

/**
 * The digest of the folders' files (paths, sizes, times) and of the OCR setting, taken in a worker
 * thread: a start whose digest matches the stored build's loads it without reading any file (a
 * million-passage folder takes a minute to read).
 */
const sourcesOf = (options: EngineOptions) =>
  folderDigest(
    options.uploadsDir ? [options.corpusDir, options.uploadsDir] : [options.corpusDir],
    JSON.stringify({ ocr: options.ocr !== false, ...(options.ocrEngine && options.ocrEngine !== 'tesseract' ? { engine: options.ocrEngine } : {}) }),
  );

/** Where OCR results are kept, next to the index, and which engine reads; undefined when OCR is off. */
export const ocrOptionsOf = (options: Pick<EngineOptions, 'indexDir' | 'ocr' | 'ocrEngine'>) =>
  options.ocr === false ? undefined : { cacheDir: join(options.indexDir, 'ocr-cache'), ...(options.ocrEngine ? { engine: options.ocrEngine } : {}) };

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

/**
 * Takes the index's write lock: the folder's, and on object storage the store's lease as well; returns
 * the release of both.
 */
async function lockForWriting(indexDir: string, remote: RemoteIndex | undefined): Promise<() => Promise<void>> {
  const releaseFolder = lockIndexFolder(indexDir);
  try {
    const releaseStore = await remote?.lock();
    return async () => {
      releaseFolder();
      await releaseStore?.();
    };
  } catch (err) {
    releaseFolder();
    throw err;
  }
}

/**
 * Saves a build into the index folder and, on object storage, publishes it there for every other
 * server; the caller holds the write lock.
 */
async function saveAndPublish(remote: RemoteIndex | undefined, ...[indexDir, index, fingerprint, sources]: Parameters<typeof saveIndex>): Promise<CorpusIndex> {
  const saved = await saveIndex(indexDir, index, fingerprint, sources);
  const named = currentBuild(indexDir);
  if (remote && 'build' in named) await remote.publish(named.build);
  return saved;
}

/**
 * The early keyword index of a first start is Orama's, in memory, whatever the backend. On LanceDB,
 * chosen for folders too large for memory, it is made only for folders of at most this much text:
 * 31 MB of text (99,833 passages) made one of 850 MB resident in 33 s, beside the LanceDB build's own
 * peak of 1.5 GB at that size (BENCHMARKS.md "Ninth session"); a larger folder is served once built.
 */
const EARLY_INDEX_MAX_TEXT_BYTES = 32 * 1024 * 1024;

const textBytes = (files: readonly SourceFile[]) => files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

/** The index's place on object storage when it has one, and this server's copy of it brought up to date. */
async function openRemote(options: EngineOptions): Promise<RemoteIndex | undefined> {
  if (!options.objectStore) return undefined;
  const remote = new RemoteIndex(options.objectStore, options.indexDir, process.env, options.log);
  try {
    const pulled = await remote.pull();
    options.log?.('reason' in pulled ? pulled.reason : `${remote.url}: serving its build ${pulled.build}`);
  } catch (err) {
    remote.close();
    throw new Error(`the index at ${remote.url} could not be read: ${(err as Error).message}`);
  }
  return remote;
}

export class IndexKeeper {
  /** Re-indexes run one after another, never two at once. */
  private queue: Promise<unknown> = Promise.resolve();
  private swaps = 0;
  /** A replica never re-indexes: the writer does, and the replica follows. */
  private replica = false;
  /** While a first build embeds behind a keyword-only index: passages embedded of all. */
  private building: { done: number; total: number } | undefined;
  /** Settles when the first build is saved and serving (at once unless it runs behind a keyword-only index). */
  private firstBuild: Promise<void> = Promise.resolve();
  private stopFollowing: () => void = () => {};

  private constructor(
    /** Replaced whole by a re-index: a question in flight keeps the index it started with. */
    private current: CorpusIndex,
    private fingerprint: Fingerprint,
    private readonly embedder: Embedder,
    private readonly backend: IndexBackend,
    private readonly options: EngineOptions,
    /** What opening did: undefined when the stored index was loaded as it was (or is still being built). */
    private report: IndexReport | undefined,
    /** Where the index is shared on object storage, if it is. */
    private readonly remote?: RemoteIndex,
  ) {}

  /** What opening did: undefined when the stored index was loaded as it was, or while its first build runs. */
  get buildReport(): IndexReport | undefined {
    return this.report;
  }

  /** How far the first build's embedding has got while a keyword-only index serves; undefined otherwise. */
  get indexing(): { done: number; total: number } | undefined {
    return this.building && { ...this.building };
  }

  /** Settles when the first build is complete and serving (or has failed, leaving the keyword-only index). */
  whenBuilt(): Promise<void> {
    return this.firstBuild;
  }

  /** The index to answer from now; hold on to it for the length of one question. */
  get index(): CorpusIndex {
    return this.current;
  }

  /** Counts index swaps: whatever was derived from an older generation (example questions) is stale. */
  get generation(): number {
    return this.swaps;
  }

  /**
   * A replica (REPLICA=1): serves the newest complete index a writer made in `indexDir` and follows each
   * new one, never reading the folders or writing the index itself. Waits for the writer's first build.
   */
  static async openReplica(options: EngineOptions & { followEveryMs?: number }, embedder: Embedder): Promise<IndexKeeper> {
    const log = options.log ?? (() => {});
    const remote = await openRemote(options);
    const stopCopying = remote?.follow(options.followEveryMs ?? FOLLOW_EVERY_MS, log) ?? (() => {});
    const first = await waitForIndex(options.indexDir, log, options.followEveryMs);
    const checkModel = (fingerprint: Fingerprint) => {
      if (fingerprint.model !== embedder.fingerprint || fingerprint.tokenizer !== TOKENIZER_ID) {
        throw new Error(`the index in ${options.indexDir} was built with another model or tokenizer than this replica's; update both to the same version`);
      }
    };
    checkModel(first.fingerprint);
    const keeper = new IndexKeeper(first.index, first.fingerprint, embedder, await backendOfBuild(first.fingerprint.backend), { ...options, uploadsDir: undefined }, undefined, remote);
    keeper.replica = true;
    const stopFollowing = followIndex(
      options.indexDir,
      first.build,
      (loaded) => {
        checkModel(loaded.fingerprint);
        keeper.swapIn(loaded.index, loaded.fingerprint);
      },
      log,
      options.followEveryMs,
    );
    keeper.stopFollowing = () => {
      stopCopying();
      stopFollowing();
    };
    log(`replica: serving ${first.build} (${first.index.corpus.passageCount} passages), following new builds in ${options.indexDir}`);
    collectGarbage();
    return keeper;
  }

  static async open(options: EngineOptions, embedder: Embedder): Promise<IndexKeeper> {
    const log = options.log ?? (() => {});
    const chunking = options.chunking ?? DEFAULT_CHUNKING;
    const backend = await indexBackend(options.indexBackend);
    const remote = await openRemote(options);
    const serve = (loaded: { index: CorpusIndex; fingerprint: Fingerprint }, how: string) => {
      log(`index loaded${how}: ${loaded.index.corpus.passageCount} passages from ${loaded.index.corpus.documents.length} documents`);
      collectGarbage();
      return new IndexKeeper(loaded.index, loaded.fingerprint, embedder, backend, options, undefined, remote);
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
    const { files, skipped } = await readSources(options.corpusDir, options.uploadsDir, log, ocrOptionsOf(options), options.onRead);
    recordSkipped(options.indexDir, skipped);
    const fingerprint = await fingerprintOf(files, embedder.fingerprint, chunking, backend.name);
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
    const release = await lockForWriting(options.indexDir, remote);
    const stored = loadStoredCorpus(options.indexDir);
    const sameModel = stored?.fingerprint.model === embedder.fingerprint;
    const build = async (onProgress = options.onProgress) => {
      const staging = stagingFolder(options.indexDir);
      try {
        const { index, report } = await buildIndex(files, embedder, {
          chunking,
          onProgress,
          previous: sameModel ? await reusable(stored.corpus) : undefined,
          reuseDocuments: sameModel && !options.rebuild && stored.fingerprint.chunker === fingerprint.chunker,
          backend,
          staging,
        });
        const saved = await saveAndPublish(remote, options.indexDir, index, fingerprint, sources);
        log(`index built: ${describeReport(report)}`);
        collectGarbage();
        return { saved, report };
      } finally {
        stored?.corpus.close();
        removeStaging(staging);
        await release();
      }
    };
    if (options.serveWhileBuilding && !sameModel && (backend.name === DEFAULT_BACKEND.name || textBytes(files) <= EARLY_INDEX_MAX_TEXT_BYTES)) {
      const abandon = () => {
        stored?.corpus.close();
        void release();
      };
      return IndexKeeper.serveWhileBuilding(files, fingerprint, embedder, backend, options, build, abandon, remote);
    }
    const { saved, report } = await build();
    return new IndexKeeper(saved, fingerprint, embedder, backend, options, report, remote);
  }

  /**
   * A first build (nothing stored to reuse): the files just read are indexed for keyword search at once,
   * without vectors, and served while the model embeds them; the complete index takes over when saved.
   * A build that fails leaves the keyword index serving, says why in the log, and the next start builds again.
   */
  private static async serveWhileBuilding(
    files: SourceFile[],
    fingerprint: Fingerprint,
    embedder: Embedder,
    backend: IndexBackend,
    options: EngineOptions,
    build: (onProgress: EngineOptions['onProgress']) => Promise<{ saved: CorpusIndex; report: IndexReport }>,
    /** Lets go of what `build` would have: the index folder's lock and the stored build it read. */
    abandon: () => void,
    remote: RemoteIndex | undefined,
  ): Promise<IndexKeeper> {
    const log = options.log ?? (() => {});
    let early: CorpusIndex;
    try {
      // In memory (Orama): it lives only until the complete index is saved.
      ({ index: early } = await buildIndex(files, embedder, { chunking: options.chunking ?? DEFAULT_CHUNKING, keywordOnly: true }));
    } catch (err) {
      abandon();
      throw err;
    }
    const keeper = new IndexKeeper(early, fingerprint, embedder, backend, options, undefined, remote);
    keeper.building = { done: 0, total: early.corpus.passageCount };
    log(`serving ${early.corpus.passageCount} passages by keyword while their vectors are computed`);
    const built = (async () => {
      try {
        const { saved, report } = await build((p) => {
          keeper.building = { done: p.done, total: p.total };
          options.onProgress?.(p);
        });
        keeper.report = report;
        keeper.swapIn(saved, fingerprint);
      } catch (err) {
        log(`the index build failed, still answering by keyword only: ${(err as Error).message}`);
      } finally {
        keeper.building = undefined;
      }
    })();
    keeper.queue = built;
    keeper.firstBuild = built;
    return keeper;
  }

  /** Stops following the index folder (a replica) and lets go of the object store's connections. */
  close(): void {
    this.stopFollowing();
    this.remote?.close();
  }

  /**
   * A complete index takes over in one assignment: a question in flight keeps the one it started with,
   * and the files of the one replaced stay open a while for it.
   */
  private swapIn(index: CorpusIndex, fingerprint: Fingerprint): void {
    const replaced = this.current;
    setTimeout(() => replaced.corpus.close(), RETIRE_AFTER_MS).unref();
    this.current = index;
    this.fingerprint = fingerprint;
    this.swaps++;
    collectGarbage();
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

  /**
   * The new build, reusing the served one's records: each is checked as it is read, which costs less
   * than checking them all first (0.8 s at 100,000 passages). When one fails its check, the build
   * starts again from the files alone.
   */
  private async buildOn(current: CorpusIndex, files: SourceFile[], chunking: ChunkOptions, staging: string): ReturnType<typeof buildIndex> {
    const build = (previous?: CorpusIndex) =>
      buildIndex(files, this.embedder, { chunking, backend: this.backend, staging, ...(previous ? { previous: previous.corpus, reuseDocuments: true, update: previous.search } : {}) });
    if (current.keywordOnly) return build();
    try {
      return await build(current);
    } catch (err) {
      if (!(err instanceof CorruptRecordError)) throw err;
      this.options.log?.(`${err.message.split(';')[0]}: building from the files alone`);
      removeStaging(staging);
      return build();
    }
  }

  private async reindex(): Promise<IndexReport> {
    const log = this.options.log ?? (() => {});
    const chunking = this.options.chunking ?? DEFAULT_CHUNKING;
    const sources = await sourcesOf(this.options);
    const { files, skipped } = await readSources(this.options.corpusDir, this.options.uploadsDir, log, ocrOptionsOf(this.options));
    recordSkipped(this.options.indexDir, skipped);
    const fingerprint = await fingerprintOf(files, this.embedder.fingerprint, chunking, this.backend.name);
    const current = this.current;
    // A keyword-only index (its first build failed) is never current: it is built again whole.
    if (sameFingerprint(fingerprint, this.fingerprint) && !current.keywordOnly) {
      noteSources(this.options.indexDir, fingerprint, sources);
      const n = current.corpus.documents.length;
      return { documents: n, passages: current.corpus.passageCount, added: 0, changed: 0, removed: 0, unchanged: n, embedded: 0 };
    }
    const release = await lockForWriting(this.options.indexDir, this.remote);
    const staging = stagingFolder(this.options.indexDir);
    let saved: CorpusIndex;
    let report: IndexReport;
    try {
      const built = await this.buildOn(current, files, chunking, staging);
      report = built.report;
      saved = await saveAndPublish(this.remote, this.options.indexDir, built.index, fingerprint, sources);
    } finally {
      removeStaging(staging);
      await release();
    }
    this.swapIn(saved, fingerprint);
    log(`index updated: ${describeReport(report)}`);
    return report;
  }
}
