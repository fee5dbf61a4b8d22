// A ranking stage for what the question names (`../question/named-things.ts`): a statute's passage
// whose heading holds the law the question names, or whose article number is the one asked, moves
// up; a statute's passage from another law moves down. Passages that are no statute's, and questions
// that name nothing, are left as they are.
import { headingOf } from '../../ingest/document-model.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { NAMED_THING_WEIGHT } from '../knobs.js';
import { tokenize } from '../tokenize/tokenize.js';
import type { Candidate } from './candidate.js';
import type { RankStage } from './stages.js';

/** +1 for each named thing the passage is (the law, the article), −1 when it is another law's. */
function namedScore(candidate: Candidate, laws: string[], articles: string[]): number {
  const { passage } = candidate;
  const article = passage.section !== undefined && /^第.+条$/.test(passage.section) ? tokenize(passage.section)[0] : undefined;
  if (article === undefined) return 0;
  const heading = normalizeForMatch(headingOf(passage));
  let score = 0;
  if (laws.length > 0) score += laws.some((law) => heading.includes(normalizeForMatch(law))) ? 1 : -1;
  if (articles.includes(article)) score += 1;
  return score;
}

export const namedThingsStage: RankStage = {
  name: 'named',
  rank(candidates, { question }) {
    const { laws, articles } = question.named;
    if (laws.length === 0 && articles.length === 0) return candidates;
    for (const c of candidates) {
      const named = namedScore(c, laws, articles);
      c.scores.named = named;
      c.score += NAMED_THING_WEIGHT * named;
    }
    return candidates.sort((a, b) => b.score - a.score);
  },
};
