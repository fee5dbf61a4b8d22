// Passage vectors of the previous build, found again by the exact text they were embedded from, so a
// re-index sends the model only text it has not embedded before.
import type { Corpus } from '../index/corpus.js';
import { embeddingText } from './embedding-text.js';

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();

  constructor(previous: Corpus | undefined, dimensions: number) {
    for (const { id } of previous?.documents ?? []) {
      const rows = previous!.vectorsOf(id);
      previous!.passagesOf(id).forEach((p, i) => this.vectors.set(embeddingText(p), rows.subarray(i * dimensions, (i + 1) * dimensions)));
    }
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(text);
  }
}
