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
    const q = Float32Array.from(query);
    const top = new TopHits<number>(limit);
    if (docIds) {
      const only = new Set(docIds);
      for (let row = 0; row < this.ids.length; row++) if (only.has(this.docIds[row])) top.offer(row, this.dot(q, row));
    } else {
      let row = 0;
      for (; row + 1 < this.ids.length; row += 2) {
        const [first, second] = this.dotTwo(q, row);
        top.offer(row, first);
        top.offer(row + 1, second);
      }
      if (row < this.ids.length) top.offer(row, this.dot(q, row));
    }
    return top.best().map(({ item, score }) => ({ id: this.ids[item], score }));
  }

  /**
   * One row's dot product with the query. Four sums side by side: the scan is a quarter faster than one
   * running sum (a micro-benchmark over 1,253 rows of 512), as the additions no longer wait on each
   * other. bge's 512 dimensions are a multiple of four; a remainder is added after.
   */
  private dot(q: Float32Array, row: number): number {
    const dims = this.dimensions;
    const rows = this.vectors;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    let j = row * dims;
    for (; i + 3 < dims; i += 4, j += 4) {
      s0 += q[i] * rows[j];
      s1 += q[i + 1] * rows[j + 1];
      s2 += q[i + 2] * rows[j + 2];
      s3 += q[i + 3] * rows[j + 3];
    }
    for (; i < dims; i++, j++) s0 += q[i] * rows[j];
    return s0 + s1 + s2 + s3;
  }

  /**
   * Two neighbouring rows' dot products, each summed exactly as `dot` sums it: every query value read
   * once serves both rows, which took the whole scan from 0.46 to 0.32–0.35 ms (a micro-benchmark over
   * 1,253 rows of 512, the same results to the last bit).
   */
  private dotTwo(q: Float32Array, row: number): [number, number] {
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
    let j = row * dims;
    let k = j + dims;
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
