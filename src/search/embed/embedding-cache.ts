// Passage vectors of the previous build, found again by the exact text they were embedded from, so a
// re-index sends the model only text it has not embedded before.
import type { StoredCorpus } from '../index/index-store.js';
import { embeddingText } from './embedding-text.js';

export class EmbeddingCache {
  private readonly rows = new Map<string, number>();

  constructor(
    private readonly previous: StoredCorpus | undefined,
    private readonly dimensions: number,
  ) {
    previous?.passages.forEach((p, row) => this.rows.set(embeddingText(p), row));
  }

  get(text: string): Float32Array | undefined {
    const row = this.rows.get(text);
    if (row === undefined || !this.previous) return undefined;
    return this.previous.vectors.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }
}
