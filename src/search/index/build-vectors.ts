// Every passage's vector for a build. A text embedded before (the previous build) keeps its vector, an
// unchanged document's rows are copied whole, and identical texts within the build (boilerplate,
// reprints, copies) are sent to the model once and share it. A model on a thread of its own
// (`Embedder.apart`) is sent the texts as the build reads its files (`EmbeddingQueue`), so that it
// embeds while the build reads and parses; one on the build's own thread, once all are read: run
// sooner, it would take no less time, and the vectors it made would wait for their rows (at a million
// derived vectors, 4 GB).
import type { Passage } from '../../ingest/document-model.js';
import { turnTaker } from '../../util/next-turn.js';
import type { Embedder } from '../embed/embedder.js';
import { EmbeddingCache } from '../embed/embedding-cache.js';
import { EmbeddingQueue } from '../embed/embedding-queue.js';
import { embeddingText } from '../embed/embedding-text.js';
import type { Corpus } from './corpus.js';

export interface BuildProgress {
  done: number;
  total: number;
  /** Passages whose vector came from the previous build instead of the model. */
  cached: number;
}

/** Rows `first`… of a build that take `vectors` as they are: an unchanged document's passages, in its order. */
export interface KeptVectors {
  docId: string;
  first: number;
  vectors: Float32Array;
}

export class BuildVectors {
  /** Vectors that came in before the build knew how many rows it has. */
  private readonly early = new Map<string, Float32Array>();
  private readonly queue: EmbeddingQueue;
  private readonly ahead: boolean;

  private constructor(
    private readonly cache: EmbeddingCache,
    embedder: Embedder,
    private readonly dimensions: number,
  ) {
    this.queue = new EmbeddingQueue(embedder, (text, vector) => this.early.set(text, Float32Array.from(vector)));
    this.ahead = embedder.apart === true;
  }

  /** `kept`: documents whose rows the build will copy from `previous` as they are; their vectors are not read twice. */
  static async start(embedder: Embedder, previous: Corpus | undefined, kept: (docId: string) => boolean): Promise<BuildVectors> {
    return new BuildVectors(await EmbeddingCache.of(previous, embedder.dimensions, (id) => !kept(id)), embedder, embedder.dimensions);
  }

  /** A passage the build read: its text goes to a model apart now, unless it has a vector already or was sent before. */
  add(passage: Passage): void {
    if (!this.ahead) return;
    const text = embeddingText(passage);
    if (!this.cache.get(text)) this.queue.want(text);
  }

  /** The build failed: nothing more goes to the model. */
  abandon(): void {
    this.queue.stop();
  }

  /** Distinct texts the model was sent. */
  get embedded(): number {
    return this.queue.size;
  }

  /** All the rows, once every text sent has its vector: `kept` copied, the rest from the cache or the model. */
  async rows(passages: readonly Passage[], kept: readonly KeptVectors[], onProgress?: (progress: BuildProgress) => void): Promise<Float32Array> {
    const dims = this.dimensions;
    const vectors = new Float32Array(passages.length * dims);
    // An unchanged document's vectors are copied whole: finding each passage's by its text (normalizing
    // 100,000 texts) took 7 of a 23 s re-index at 100,000 passages.
    const covered = new Uint8Array(passages.length);
    let cached = 0;
    // At a million passages these copies fill 2 GB: the loop takes turns, or a re-index held the
    // server for 8 s (BENCHMARKS.md "Ninth session").
    const turn = turnTaker();
    for (const { first, vectors: rows } of kept) {
      vectors.set(rows, first * dims);
      covered.fill(1, first, first + rows.length / dims);
      cached += rows.length / dims;
      await turn();
    }
    /** Rows still waiting for the model, by the text they wait for. */
    const waiting = new Map<string, number[]>();
    let done = cached;
    const report = () => onProgress?.({ done, total: passages.length, cached });
    const fill = (text: string, vector: ArrayLike<number>) => {
      const rows = waiting.get(text);
      if (!rows) return;
      for (const row of rows) vectors.set(vector, row * dims);
      done += rows.length;
      waiting.delete(text);
      report();
    };
    // A model apart goes on sending vectors while the rows are gone through: each is kept until then,
    // for rows further on.
    this.queue.deliver = (text, vector) => {
      this.early.set(text, Float32Array.from(vector));
      fill(text, vector);
    };
    for (const [i, passage] of passages.entries()) {
      if (covered[i]) continue;
      const text = embeddingText(passage);
      const fromCache = this.cache.get(text);
      const hit = fromCache ?? this.early.get(text);
      if (hit) {
        vectors.set(hit, i * dims);
        if (fromCache) cached++;
        done++;
      } else {
        const rows = waiting.get(text);
        if (rows) rows.push(i);
        else waiting.set(text, [i]);
      }
      await turn();
    }
    this.early.clear();
    this.queue.deliver = fill;
    report();
    // What a model apart was not sent yet, and all of it for a model on this thread.
    for (const text of waiting.keys()) this.queue.want(text);
    await this.queue.finished();
    return vectors;
  }
}
