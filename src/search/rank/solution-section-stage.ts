// A ranking stage for troubleshooting entries, written as product FAQs and manuals write them (问题现象 /
// 原因分析 / 解决方法): a question asking how to fix or do something finds the entry by its symptom, whose
// words it shares, while the solution, which answers, shares few of them. When the best passage is an
// entry's symptom or cause and a how-question asked it, the entry's solution is put first in its place
// (realdocs-dev: `openEuler 装到第二块硬盘上以后开不了机，安装时该怎么设置？` was answered with the symptom).
import { passageId } from '../../ingest/document-model.js';
import { passageOf } from '../index/corpus.js';
import type { Candidate } from './candidate.js';
import type { RankStage } from './stages.js';

/** A question asking how to do or fix something. */
const ASKS_HOW = /怎么|如何|怎样|咋办|办法|解决|处理/;

/** Section titles of an entry's solution. */
const SOLUTION = /^(?:解决(?:方法|方案|办法|措施|步骤)|处理(?:方法|办法|步骤|建议)|操作步骤|规避(?:方法|措施)|应对(?:方法|措施))[：:]?$/;

/**
 * Section titles of an entry's symptom or cause. A paragraph with no section is the entry's first part:
 * a heading becomes a section only after the article has a body paragraph (`split-articles.ts`).
 */
const PROBLEM = /^(?:问题(?:现象|描述|原因)?|(?:故障)?现象(?:描述)?|症状|(?:可能)?原因(?:分析)?)[：:]?$/;

export const solutionSectionStage: RankStage = {
  name: 'solution',
  rank(candidates, { index, question }) {
    const top = candidates[0];
    if (!top || !ASKS_HOW.test(question.query)) return candidates;
    const { passage } = top;
    if (passage.section !== undefined && !PROBLEM.test(passage.section.trim())) return candidates;
    const paragraphs = index.corpus.document(passage.docId)?.articles[passage.articleIndex]?.paragraphs ?? [];
    const solution = paragraphs.find((p) => p.index > passage.paragraphIndex && p.kind === 'body' && p.section !== undefined && SOLUTION.test(p.section.trim()));
    const first = solution && passageOf(index.corpus, passageId(passage.docId, solution.index, 0));
    if (!first) return candidates;
    const listed = candidates.find((c) => c.passage.id === first.id);
    // The entry is the unit: its solution takes the place, and the closeness, of the part that matched.
    const moved: Candidate = { passage: first, scores: { ...(listed?.scores ?? top.scores), vector: Math.max(listed?.scores.vector ?? 0, top.scores.vector), solution: 1 }, score: top.score };
    return [moved, ...candidates.filter((c) => c !== listed)];
  },
};
