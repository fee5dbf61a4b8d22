// The exact scan over vector rows: the scores, order and filter an exact cosine search gives, whether
// the rows are scanned in pairs or one at a time (an odd count, a scope) and whatever the dimensions;
// and the WebAssembly kernel's scan of rows in its memory, the same hits and scores to the last bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scannableRows } from '../../../src/search/index/vector-kernel.js';
import { VectorRows } from '../../../src/search/index/vector-rows.js';

/** Every row scored in double precision from the same float32 values, best first, ties by row. */
function exact(vectors: Float32Array, dims: number, query: number[], limit: number, keep: (row: number) => boolean): { row: number; score: number }[] {
  const q = Float32Array.from(query);
  const scored: { row: number; score: number }[] = [];
  for (let row = 0; row < vectors.length / dims; row++) {
    if (!keep(row)) continue;
    let score = 0;
    for (let i = 0; i < dims; i++) score += q[i] * vectors[row * dims + i];
    scored.push({ row, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.row - b.row).slice(0, limit);
}

const unitish = fc.float({ min: -1, max: 1, noNaN: true });

describe('the exact vector scan', () => {
  it('gives the rows and scores an exact search gives, scoped or not, for odd and even counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.infiniteStream(unitish), (dims, count, limit, scoped, values) => {
        const draw = values.take(count * dims + dims);
        const all = [...draw];
        const vectors = Float32Array.from(all.slice(0, count * dims));
        const query = all.slice(count * dims);
        const ids = Array.from({ length: count }, (_, row) => `r${row}`);
        const docIds = ids.map((_, row) => (row % 3 === 0 ? 'a' : 'b'));
        const rows = new VectorRows(vectors, dims, ids, docIds);
        const found = rows.search(query, limit, scoped ? ['a'] : undefined);
        const expected = exact(vectors, dims, query, limit, (row) => !scoped || docIds[row] === 'a');
        // The best scores, in order; each hit scored as its row is, and inside the scope.
        expect(found.map((h) => h.score)).toEqual(expected.map((e) => expect.closeTo(e.score, 9)));
        const exactOf = new Map(exact(vectors, dims, query, count, () => true).map((e) => [`r${e.row}`, e.score]));
        for (const hit of found) expect(hit.score).toBeCloseTo(exactOf.get(hit.id)!, 9);
        if (scoped) expect(found.every((h) => docIds[Number(h.id.slice(1))] === 'a')).toBe(true);
      }),
    );
  });

  it('scores rows scanned in pairs to the last bit as it scores each alone', () => {
    const dims = 6;
    const vectors = Float32Array.from({ length: 3 * dims }, (_, i) => Math.sin(i + 1));
    // Unscoped, x and y are scanned as a pair; scoped to one document each, one row at a time.
    const rows = new VectorRows(vectors, dims, ['x', 'y', 'z'], ['d1', 'd2', 'd3']);
    const query = [0.3, -0.2, 0.9, 0.1, -0.5, 0.4];
    const paired = new Map(rows.search(query, 3).map((h) => [h.id, h.score]));
    expect(paired.size).toBe(3);
    for (const [id, doc] of [['x', 'd1'], ['y', 'd2'], ['z', 'd3']]) expect(rows.search(query, 1, [doc])[0]).toEqual({ id, score: paired.get(id) });
  });

  it('scans rows in the kernel\'s memory to the same hits and scores, to the last bit, as the JavaScript scan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.infiniteStream(unitish), (quads, count, limit, scoped, values) => {
        const dims = quads * 4;
        const all = [...values.take(count * dims + dims)];
        const plain = Float32Array.from(all.slice(0, count * dims));
        const inKernel = scannableRows(count, dims)!;
        inKernel.set(plain);
        const query = all.slice(count * dims);
        const ids = Array.from({ length: count }, (_, row) => `r${row}`);
        const docIds = ids.map((_, row) => (row % 3 === 0 ? 'a' : 'b'));
        const scope = scoped ? ['a'] : undefined;
        expect(new VectorRows(inKernel, dims, ids, docIds).search(query, limit, scope)).toEqual(new VectorRows(plain, dims, [...ids], [...docIds]).search(query, limit, scope));
      }),
    );
  });

  it('keeps rows whose dimensions the kernel cannot take (not a multiple of 4) in an ordinary array', () => {
    expect(scannableRows(10, 6)).toBeUndefined();
    expect(scannableRows(10, 512)).toHaveLength(5120);
  });
});
