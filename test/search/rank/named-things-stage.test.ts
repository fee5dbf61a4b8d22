// The named-things stage and Latin-script names (PLCT, openEuler): a passage whose document never
// names what the question asks about moves down, past one from the document that does.
import { expect, it } from 'vitest';
import { passageOf } from '../../support/passages.js';
import type { CorpusIndex } from '../../../src/search/index/corpus-index.js';
import { ABSENT_NAME_PENALTY, DEFAULT_FUSION } from '../../../src/search/knobs.js';
import { readQuestion } from '../../../src/search/question/question.js';
import type { Candidate } from '../../../src/search/rank/candidate.js';
import { namedThingsStage } from '../../../src/search/rank/named-things-stage.js';

const passage = (docId: string, title: string, text: string) => passageOf(docId, title, text);

/** Documents' titles by id, as the corpus gives them. */
const titles: Record<string, string> = { jobs: 'PLCT实验室招聘实习生', guide: '写作规范' };
const index = { corpus: { summary: (id: string) => ({ title: titles[id] }) } } as unknown as CorpusIndex;

it('reads Latin-script names from the question, in lower case as tokens are', () => {
  expect(readQuestion('给 PLCT 投简历，邮件标题要怎么写？').named.names).toEqual(['plct']);
  expect(readQuestion('openEuler 装到第二块硬盘上以后开不了机？').named.names).toEqual(['openeuler']);
  expect(readQuestion('邮件标题要怎么写？').named.names).toEqual([]);
});

it('moves a passage whose document never names the name asked below one whose document title does', () => {
  const guide: Candidate = { passage: passage('guide', '写作规范 › 邮件', '邮件标题应当简洁，写明事由。'), scores: { keyword: 9, vector: 0.7 }, score: 0.62 };
  const jobs: Candidate = { passage: passage('jobs', 'PLCT实验室招聘实习生 › 投递方式', '邮件标题请写：岗位编号 - 姓名 - 手机号码。'), scores: { keyword: 8, vector: 0.69 }, score: 0.6 };
  const ranked = namedThingsStage.rank([guide, jobs], { index, question: readQuestion('给 PLCT 投简历，邮件标题要怎么写？'), fusion: DEFAULT_FUSION });
  expect(ranked.map((c) => c.passage.docId)).toEqual(['jobs', 'guide']);
  expect(guide.score).toBeCloseTo(0.62 - ABSENT_NAME_PENALTY);
  expect(jobs.score).toBeCloseTo(0.6);
});
