// Passage vectors of the previous build, found again by the exact text they were embedded from, so a
// re-index sends the model only text it has not embedded before.
import type { Corpus } from '../index/corpus.js';
import { embeddingText } from './embedding-text.js';
import { turnTaker } from '../../util/next-turn.js';

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();

  private constructor() {}

  /**
   * Reads the passages of the previous build (those of the documents `wanted` accepts), taking turns
   * of the event loop as it goes.
   */
  static async of(previous: Corpus | undefined, dimensions: number, wanted: (docId: string) => boolean = () => true): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache();
    const turn = turnTaker();
    for (const { id } of previous?.documents ?? []) {
      if (!wanted(id)) continue;
      const rows = previous!.vectorsOf(id);
      previous!.passagesOf(id).forEach((p, k) => cache.vectors.set(embeddingText(p), rows.subarray(k * dimensions, (k + 1) * dimensions)));
      await turn();
    }
    return cache;
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(text);
  }
}
