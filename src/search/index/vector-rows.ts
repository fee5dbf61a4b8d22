// Passage vectors held once, as rows of one Float32Array, with each row's passage and document, and an
// exact cosine scan over them. The Orama backend searches vectors this way rather than through Orama's
// vector index, which would keep a second copy of every vector.
import type { Hit } from './passage-index.js';
import { TopHits } from './top-hits.js';

export class VectorRows {
  constructor(
    /** rows × dimensions, unit-length rows (bge's outputs are normalised). */
    private vectors: Float32Array,
    private readonly dimensions: number,
    /** The passage id of each row. */
    readonly ids: string[],
    /** The document id of each row, for a search kept to one document. */
    readonly docIds: string[],
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /** Adds rows; the first rows added are kept as given (no copy), later ones are appended. */
  append(vectors: Float32Array, ids: string[], docIds: string[]): void {
    if (this.ids.length === 0) {
      this.vectors = vectors.subarray(0, ids.length * this.dimensions);
    } else {
      const joined = new Float32Array((this.ids.length + ids.length) * this.dimensions);
      joined.set(this.vectors.subarray(0, this.ids.length * this.dimensions));
      joined.set(vectors.subarray(0, ids.length * this.dimensions), this.ids.length * this.dimensions);
      this.vectors = joined;
    }
    // One at a time: spreading a hundred thousand ids into push() overflows the call stack.
    for (const id of ids) this.ids.push(id);
    for (const id of docIds) this.docIds.push(id);
  }

  /** Cosine (a dot product of unit vectors) with every row, or every row of some documents; best first, `limit` of them. */
  search(query: number[], limit: number, docIds?: readonly string[]): Hit[] {
    const only = docIds && new Set(docIds);
    const dims = this.dimensions;
    const top = new TopHits<number>(limit);
    for (let row = 0; row < this.ids.length; row++) {
      if (only && !only.has(this.docIds[row])) continue;
      let dot = 0;
      const base = row * dims;
      for (let i = 0; i < dims; i++) dot += query[i] * this.vectors[base + i];
      top.offer(row, dot);
    }
    return top.best().map(({ item, score }) => ({ id: this.ids[item], score }));
  }
}
