// Recall@k and MRR@k over ranked lists of document ids.

export interface RankingMetrics {
  recallAt1: number;
  recallAt5: number;
  mrrAt10: number;
}

/** `ranks[i]` is the 1-based rank of question i's gold item, or Infinity when it was not retrieved. */
export function rankingMetrics(ranks: number[]): RankingMetrics {
  const n = ranks.length || 1;
  return {
    recallAt1: ranks.filter((r) => r <= 1).length / n,
    recallAt5: ranks.filter((r) => r <= 5).length / n,
    mrrAt10: ranks.reduce((s, r) => s + (r <= 10 ? 1 / r : 0), 0) / n,
  };
}

/** Rank of `gold` among the distinct values of `ranked`, in order. */
export function rankOf(ranked: string[], gold: string): number {
  const seen = new Set<string>();
  for (const id of ranked) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (id === gold) return seen.size;
  }
  return Infinity;
}
