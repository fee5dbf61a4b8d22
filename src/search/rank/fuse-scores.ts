// Keyword and vector scores → one ranking score (the method and its weight are in `../knobs.ts`): the
// first ranking stage.
import { DEFAULT_FUSION } from '../knobs.js';
import type { Candidate, ScoreParts } from './candidate.js';
import type { RankStage } from './stages.js';

export type FusionMethod = { kind: 'weighted'; keywordWeight: number } | { kind: 'rrf'; k: number };

/**
 * Weighted: BM25 divided by the best BM25 of this query (so it lies in 0..1 like the cosine), then
 * w·keyword + (1−w)·vector. RRF: Σ 1/(k + rank) over the two rankings.
 */
export function fuseScores(parts: Pick<ScoreParts, 'keyword' | 'vector'>[], method: FusionMethod = DEFAULT_FUSION): number[] {
  if (method.kind === 'weighted') {
    const best = Math.max(0, ...parts.map((p) => p.keyword));
    const w = method.keywordWeight;
    return parts.map((p) => w * (best > 0 ? p.keyword / best : 0) + (1 - w) * p.vector);
  }
  const rank = (values: number[]) => {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
    const ranks = new Array<number>(values.length);
    order.forEach(([, i], r) => (ranks[i] = r + 1));
    return ranks;
  };
  const kw = rank(parts.map((p) => p.keyword));
  const vec = rank(parts.map((p) => p.vector));
  return parts.map((p, i) => (p.keyword > 0 ? 1 / (method.k + kw[i]) : 0) + 1 / (method.k + vec[i]));
}

/** Sets each candidate's `score` to its fused score and sorts best first. */
export const fusionStage: RankStage = {
  name: 'fusion',
  rank(candidates: Candidate[], { fusion }) {
    const fused = fuseScores(candidates.map((c) => c.scores), fusion);
    candidates.forEach((c, i) => (c.score = fused[i]));
    return candidates.sort((a, b) => b.score - a.score);
  },
};
