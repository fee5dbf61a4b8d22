// The named-things stage and names (PLCT, openEuler; 若依, which the tokenizer does not know): a
// passage that does not name what the question asks about moves down a little, and further when no
// passage of its document names it, past one from the document that does.
import { expect, it } from 'vitest';
import { passageOf } from '../../support/passages.js';
import type { CorpusIndex } from '../../../src/search/index/corpus-index.js';
import { ABSENT_NAME_PENALTY, DEFAULT_FUSION, UNNAMED_DOCUMENT_PENALTY } from '../../../src/search/knobs.js';
import { readQuestion } from '../../../src/search/question/question.js';
import { unknownWordRuns } from '../../../src/search/question/named-things.js';
import { tokenizeWithOffsets } from '../../../src/search/tokenize/tokenize.js';
import type { Candidate } from '../../../src/search/rank/candidate.js';
import { namedThingsStage } from '../../../src/search/rank/named-things-stage.js';

const passage = (docId: string, title: string, text: string) => passageOf(docId, title, text);

/** Documents' titles by id, as the corpus gives them. */
const titles: Record<string, string> = { jobs: 'PLCT实验室招聘实习生', guide: '写作规范', ruoyi: '若依系统开发环境搭建手册', linux: 'Linux 101 · 安装虚拟机' };
/** Each document's other passages, as the corpus gives them. */
const texts: Record<string, string[]> = { jobs: [], guide: ['标题用黑体。'], ruoyi: [], linux: ['Linux 101 的虚拟机。'], faq: ['PLCT 实验室的岗位编号见招聘页。'] };
const index = {
  corpus: {
    summary: (id: string) => ({ title: titles[id] ?? '常见问题' }),
    passagesOf: (id: string) => (texts[id] ?? []).map((text) => passage(id, titles[id] ?? '常见问题', text)),
  },
} as unknown as CorpusIndex;

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
  expect(guide.score).toBeCloseTo(0.62 - UNNAMED_DOCUMENT_PENALTY);
  expect(jobs.score).toBeCloseTo(0.6);
});

it('moves a passage down less when another passage of its document names the name asked', () => {
  const faq: Candidate = { passage: passage('faq', '常见问题 › 投递', '邮件标题写明岗位编号和姓名。'), scores: { keyword: 9, vector: 0.7 }, score: 0.62 };
  const guide: Candidate = { passage: passage('guide', '写作规范 › 邮件', '邮件标题应当简洁，写明事由。'), scores: { keyword: 9, vector: 0.7 }, score: 0.62 };
  const ranked = namedThingsStage.rank([guide, faq], { index, question: readQuestion('给 PLCT 投简历，邮件标题要怎么写？'), fusion: DEFAULT_FUSION });
  expect(ranked.map((c) => c.passage.docId)).toEqual(['faq', 'guide']);
  expect(faq.score).toBeCloseTo(0.62 - ABSENT_NAME_PENALTY);
  expect(faq.scores.named).toBe(-1);
  expect(guide.scores.named).toBe(-2);
  expect(UNNAMED_DOCUMENT_PENALTY).toBeGreaterThan(ABSENT_NAME_PENALTY);
});

it('reads runs of single characters the tokenizer made no word of as possible names', () => {
  expect(unknownWordRuns(tokenizeWithOffsets('若依前端跑起来以后，默认登录账号密码是什么？'))).toEqual(['若依']);
  expect(unknownWordRuns(tokenizeWithOffsets('默认登录账号密码是什么？'))).toEqual([]);
  expect(unknownWordRuns(readQuestion('網球雙打中哪一種球會是勝利的關鍵？').tokens)).toEqual([]);
});

it('finds the name asked in a Traditional document’s text, written as Traditional text writes it', () => {
  const asked = readQuestion('PLCT 的陳誠是誰？');
  const traditionalIndex = {
    corpus: { summary: () => ({ title: '實驗室成員' }), passagesOf: (id: string) => [passage(id, '實驗室成員', id === 'tw' ? '陳誠負責編譯器。' : '本實驗室成立於2010年。')] },
  } as unknown as CorpusIndex;
  const named = (docId: string) => {
    const c: Candidate = { passage: passage(docId, '實驗室成員 › 簡介', '實驗室有二十名成員。'), scores: { keyword: 9, vector: 0.7 }, score: 0.6 };
    namedThingsStage.rank([c], { index: traditionalIndex, question: { ...asked, named: { ...asked.named, names: ['陈诚'] } }, fusion: DEFAULT_FUSION });
    return c.scores.named;
  };
  expect(named('tw')).toBe(-1);
  expect(named('other')).toBe(-2);
});

it('takes such a run for a name only when a candidate document’s title holds it, and then moves the others down', () => {
  const linux: Candidate = { passage: passage('linux', 'Linux 101 › 登录', '虚拟机的默认登录用户名和密码均为 ustc。'), scores: { keyword: 9, vector: 0.7 }, score: 0.62 };
  const ruoyi: Candidate = { passage: passage('ruoyi', '若依系统开发环境搭建手册 › 运行', '打开浏览器，输入：http://localhost:80 （默认账户 admin/admin123）'), scores: { keyword: 8, vector: 0.6 }, score: 0.6 };
  const asked = readQuestion('若依前端跑起来以后，默认登录账号密码是什么？');
  expect(namedThingsStage.rank([linux, ruoyi], { index, question: asked, fusion: DEFAULT_FUSION }).map((c) => c.passage.docId)).toEqual(['ruoyi', 'linux']);
  expect(linux.score).toBeCloseTo(0.62 - UNNAMED_DOCUMENT_PENALTY);
  const untitled: Candidate = { passage: passage('linux', 'Linux 101 › 登录', '虚拟机的默认登录用户名和密码均为 ustc。'), scores: { keyword: 9, vector: 0.7 }, score: 0.62 };
  expect(namedThingsStage.rank([untitled], { index, question: asked, fusion: DEFAULT_FUSION })[0].score).toBeCloseTo(0.62);
});
