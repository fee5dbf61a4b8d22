// Passage vectors held once, as rows of one Float32Array, with each row's passage and document, and an
// exact cosine scan over them: in WebAssembly SIMD for rows a loaded index keeps in the kernel's memory
// (`vector-kernel.ts`), in JavaScript otherwise (a build's rows, appended as it goes), the same scores either way. The Orama backend searches vectors this way rather than through Orama's
// vector index, which would keep a second copy of every vector.
import type { Hit } from './passage-index.js';
import { TopHits } from './top-hits.js';
import { scanRows } from './vector-kernel.js';

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
    const q = Float32Array.from(query);
    const top = new TopHits<number>(limit);
    const only = docIds && new Set(docIds);
    const scores = scanRows(this.vectors, q);
    if (scores) {
      for (let row = 0; row < this.ids.length; row++) if (!only || only.has(this.docIds[row])) top.offer(row, scores[row]);
      return top.best().map(({ item, score }) => ({ id: this.ids[item], score }));
    }
    let waiting = -1;
    for (let row = 0; row < this.ids.length; row++) {
      if (only && !only.has(this.docIds[row])) continue;
      if (waiting < 0) {
        waiting = row;
        continue;
      }
      const [first, second] = this.dotPair(q, waiting, row);
      top.offer(waiting, first);
      top.offer(row, second);
      waiting = -1;
    }
    if (waiting >= 0) top.offer(waiting, this.dotPair(q, waiting, waiting)[0]);
    return top.best().map(({ item, score }) => ({ id: this.ids[item], score }));
  }

  /**
   * Two rows' dot products with the query, each summed the same way whatever its partner. Every query
   * value read serves both rows: the scan went from 0.51 to 0.40 ms (a micro-benchmark, 1,253 rows of
   * 512, the same scores to the last bit). Four sums a row side by side: a quarter faster than one
   * running sum, as the additions no longer wait on each other. bge's 512 dimensions are a multiple of
   * four; a remainder is added after.
   */
  private dotPair(q: Float32Array, rowA: number, rowB: number): [number, number] {
    const dims = this.dimensions;
    const rows = this.vectors;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    let i = 0;
    let j = rowA * dims;
    let k = rowB * dims;
    for (; i + 3 < dims; i += 4, j += 4, k += 4) {
      const q0 = q[i];
      const q1 = q[i + 1];
      const q2 = q[i + 2];
      const q3 = q[i + 3];
      a0 += q0 * rows[j];
      a1 += q1 * rows[j + 1];
      a2 += q2 * rows[j + 2];
      a3 += q3 * rows[j + 3];
      b0 += q0 * rows[k];
      b1 += q1 * rows[k + 1];
      b2 += q2 * rows[k + 2];
      b3 += q3 * rows[k + 3];
    }
    for (; i < dims; i++, j++, k++) {
      a0 += q[i] * rows[j];
      b0 += q[i] * rows[k];
    }
    return [a0 + a1 + a2 + a3, b0 + b1 + b2 + b3];
  }
}
