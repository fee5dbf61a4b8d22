// A passage's score parts as one line (`keyword 31.22 · vector 0.667`), for the command line and the
// page's tooltip alike: whatever parts the ranking stages added are listed, in the order they were added.
import type { ScoreParts } from '../search/rank/candidate.js';

/** Two decimals for scores of 10 and more (BM25), three below (cosines, shares). */
const shown = (x: number) => x.toFixed(Math.abs(x) >= 10 ? 2 : 3);

export const describeScores = (scores: ScoreParts) =>
  Object.entries(scores)
    .map(([part, x]) => `${part} ${shown(x)}`)
    .join(' · ');
