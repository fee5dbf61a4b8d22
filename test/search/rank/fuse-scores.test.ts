import { describe, expect, it } from 'vitest';
import { fuseScores } from '../../../src/search/rank/fuse-scores.js';

describe('weighted fusion', () => {
  it('divides BM25 by the best of the query, then weighs it against the cosine', () => {
    const fused = fuseScores(
      [
        { keyword: 10, vector: 0.5 },
        { keyword: 5, vector: 0.9 },
        { keyword: 0, vector: 0.7 },
      ],
      { kind: 'weighted', keywordWeight: 0.3 },
    );
    expect(fused[0]).toBeCloseTo(0.3 * 1 + 0.7 * 0.5);
    expect(fused[1]).toBeCloseTo(0.3 * 0.5 + 0.7 * 0.9);
    expect(fused[2]).toBeCloseTo(0.7 * 0.7);
  });

  it('with no keyword match at all, ranks by the cosine alone', () => {
    expect(fuseScores([{ keyword: 0, vector: 0.4 }, { keyword: 0, vector: 0.6 }], { kind: 'weighted', keywordWeight: 0.5 })).toEqual([0.2, 0.3]);
  });
});

describe('reciprocal rank fusion', () => {
  it('adds 1/(k + rank) of each side, and nothing for the keyword side of a passage it did not match', () => {
    const [a, b, c] = fuseScores(
      [
        { keyword: 3, vector: 0.2 },
        { keyword: 1, vector: 0.9 },
        { keyword: 0, vector: 0.5 },
      ],
      { kind: 'rrf', k: 60 },
    );
    expect(a).toBeCloseTo(1 / 61 + 1 / 63);
    expect(b).toBeCloseTo(1 / 62 + 1 / 61);
    expect(c).toBeCloseTo(1 / 62);
  });
});
