// The sentence-match stage: among the leading candidates, a passage that holds the question's words
// together in one sentence moves above one that holds them scattered; its part is listed in `scores`.
import { describe, expect, it } from 'vitest';
import { passageOf } from '../../support/passages.js';
import type { CorpusIndex } from '../../../src/search/index/corpus-index.js';
import { SENTENCE_MATCH } from '../../../src/search/knobs.js';
import { readQuestion } from '../../../src/search/question/question.js';
import type { Candidate } from '../../../src/search/rank/candidate.js';
import { sentenceMatchStage } from '../../../src/search/rank/sentence-match-stage.js';
import { DEFAULT_FUSION } from '../../../src/search/knobs.js';

const passage = (id: string, title: string, text: string) => passageOf(id, title, text, id);

/** Every word equally rare: the stage's weights then follow the question alone. */
const index = { search: { size: 1000, documentFrequency: () => 3 } } as unknown as CorpusIndex;

const rank = (question: string, candidates: Candidate[]) =>
  sentenceMatchStage.rank(candidates, { index, question: readQuestion(question), fusion: DEFAULT_FUSION }).map((c) => c.passage.id);

describe('sentence match', () => {
  // After realdocs-dev's charter and annual-report pages (开源社是哪一年成立的?).
  const preface = passage('preface', '2023中国开源年度报告 › 卷首语', '今年是报告发布的第九年，感谢社区成员的支持。庄表伟，开源社理事暨执行长，2024年1月14日。');
  const profile = passage('profile', '关于我们', '开源社自2014年10月成立以来，一直致力于推动开源在中国的发展。');

  it('lifts the passage whose one sentence holds what is asked over one that scatters the words, and records its part', () => {
    const candidates: Candidate[] = [
      { passage: preface, scores: { keyword: 9, vector: 0.62 }, score: 0.6 },
      { passage: profile, scores: { keyword: 8, vector: 0.6 }, score: 0.58 },
    ];
    expect(rank('开源社是哪一年成立的？', candidates)).toEqual(['profile', 'preface']);
    const profileCandidate = candidates.find((c) => c.passage.id === 'profile')!;
    expect(profileCandidate.scores.sentence).toBeGreaterThan(candidates.find((c) => c.passage.id === 'preface')!.scores.sentence);
  });

  it('leaves candidates past the leading ones where they are, below every leading one', () => {
    const filler = Array.from({ length: SENTENCE_MATCH.depth }, (_, i) => ({ passage: passage(`f${i}`, '其他', '今天天气晴朗。'), scores: { keyword: 1, vector: 0.5 }, score: 0.9 - i * 0.01 }));
    const late: Candidate = { passage: profile, scores: { keyword: 8, vector: 0.6 }, score: 0.1 };
    const order = rank('开源社是哪一年成立的？', [...filler, late]);
    expect(order[order.length - 1]).toBe('profile');
    expect(late.scores.sentence).toBeUndefined();
  });
});
