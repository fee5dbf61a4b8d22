// What a question names, and how the ranking stage treats passages of the named law, article and year.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/ingest/document-model.js';
import type { CorpusIndex } from '../../../src/search/index/corpus-index.js';
import { editionYearsInFull } from '../../../src/search/question/named-things.js';
import { readQuestion } from '../../../src/search/question/question.js';
import type { Candidate } from '../../../src/search/rank/candidate.js';
import { namedThingsStage } from '../../../src/search/rank/named-things-stage.js';
import { DEFAULT_FUSION } from '../../../src/search/knobs.js';

const named = (question: string) => readQuestion(question).named;

describe('named things in a question', () => {
  it('are the law before an article number or a citing word, or in book-title marks, and the article in either numerals', () => {
    expect(named('劳动合同法第十九条')).toEqual({ laws: ['劳动合同法'], articles: ['第十九条'], years: [], mustHold: [], places: [], names: [] });
    expect(named('劳动法第19条是怎么规定的')).toMatchObject({ laws: ['劳动法'], articles: ['第十九条'] });
    expect(named('根据劳动合同法规定试用期最长多久')).toMatchObject({ laws: ['劳动合同法'] });
    expect(named('《未成年人保护法》什么时候施行')).toMatchObject({ laws: ['未成年人保护法'] });
    expect(named('2021年的 RISC-V 中国峰会在哪里开？').years).toEqual(['2021']);
  });

  it('read an edition named by its year after an apostrophe as that year, and a text writing it so holds the year', () => {
    expect(named("COSCon'19 是在哪个城市办的？").years).toEqual(['2019']);
    expect(named('COSCon’98 有多少人参加？').years).toEqual(['1998']);
    expect(editionYearsInFull('COSCon’21 大连分会场合照')).toBe('COSCon 2021 大连分会场合照');
    expect(editionYearsInFull("it's 12 o'clock")).toBe("it's 12 o'clock");
  });

  it('are nothing in an ordinary question', () => {
    expect(named('有什么办法能快点办完手续')).toEqual({ laws: [], articles: [], years: [], mustHold: [], places: [], names: [] });
    expect(named('试用期最长可以约定多久')).toEqual({ laws: [], articles: [], years: [], mustHold: [], places: [], names: [] });
    expect(named('哪一条例规定香港电台需转播国家电台的节目？').laws).toEqual([]);
    expect(named('相当理由是哪国刑事程序法中的标准？').laws).toEqual([]);
  });

  it('must be held by the answer when they are a version, an edition or a year; a figure with its unit is not a version', () => {
    expect(named('RuyiSDK 0.14.0 版本更新了哪些内容？').mustHold).toEqual(['0.14.0']);
    expect(named('Apache Doris 2.1 版本是哪天发布的？').mustHold).toEqual(['2.1']);
    expect(named('第六届进博会的意向成交额是多少？').mustHold).toEqual(['第六届']);
    expect(named('香港杜鹃第一次被发现是在什么时候？').mustHold).toEqual([]);
    expect(named('在1990年代中期的改革中，很多郡重组成什么？').mustHold).toEqual([]);
    expect(named('2021年的 RISC-V 中国峰会在哪里开？').years).toEqual(['2021']);
    expect(named('4.43亿元的资金是哪些部门下达的？').mustHold).toEqual([]);
    expect(named('增长了8.88%吗').mustHold).toEqual([]);
  });
});

describe('the named-things stage', () => {
  const passage = (id: string, title: string, section: string | undefined, text: string): Passage => ({
    id, docId: id, articleIndex: 0, title, ...(section ? { section } : {}), paragraphIndex: 0, anchor: 'p0', text, start: 0, end: text.length, sourceStart: 0, sourceEnd: text.length, sentences: [{ start: 0, end: text.length }],
  });
  const candidate = (p: Passage, score: number): Candidate => ({ passage: p, scores: { keyword: 0, vector: score }, score });
  // Every document names RISC-V somewhere, as each issue of a RISC-V lab's newsletter does.
  const corpus = { summary: () => undefined, passagesOf: (id: string) => [passage(id, '', undefined, '本期介绍 RISC-V 与 PLCT。')] };
  const rankFor = (question: string, candidates: Candidate[]) =>
    namedThingsStage.rank(candidates, { index: { corpus } as unknown as CorpusIndex, question: readQuestion(question), fusion: DEFAULT_FUSION }).map((c) => c.passage.id);

  it('puts the named law’s article first and another statute’s after, adding its part to the scores', () => {
    const labor = candidate(passage('labor', '中华人民共和国劳动法 › 第三章 劳动合同和集体合同', '第十九条', '第十九条 劳动合同应当以书面形式订立。'), 0.8);
    const contract = candidate(passage('contract', '中华人民共和国劳动合同法 › 第二章 劳动合同的订立', '第十九条', '第十九条 劳动合同期限三个月以上不满一年的，试用期不得超过一个月。'), 0.7);
    const news = candidate(passage('news', '劳动报', undefined, '劳动合同法第十九条规定了试用期。'), 0.75);
    expect(rankFor('劳动合同法第十九条', [labor, news, contract])).toEqual(['contract', 'news', 'labor']);
    expect(contract.scores.named).toBe(2);
    expect(news.scores.named).toBe(0);
  });

  it('puts a passage whose title names the year asked first, and leaves the rest in their order', () => {
    const y2023 = candidate(passage('y2023', 'PLCT开源进展·第49期·2023年9月1日', undefined, '2023 RISC-V中国峰会在北京举行。'), 0.8);
    const y2021 = candidate(passage('y2021', 'PLCT开源进展·第22期·2021年06月01日', undefined, '峰会将在上海科技大学举行。'), 0.7);
    const plain = candidate(passage('plain', '峰会介绍', undefined, '峰会每年举办一次。'), 0.75);
    expect(rankFor('2021年的 RISC-V 中国峰会在哪里开？', [y2023, plain, y2021])).toEqual(['y2021', 'y2023', 'plain']);
    expect(y2023.scores.named).toBe(0);
    const untouched = [candidate(passage('a', 'A', undefined, '甲'), 0.9), candidate(passage('b', 'B', undefined, '乙'), 0.5)];
    expect(rankFor('峰会在哪里开', untouched)).toEqual(['a', 'b']);
    expect(untouched[0].scores.named).toBeUndefined();
  });
});

describe('places a question names', () => {
  it('are read from its tokens, with or without 省/市, and never from inside another word', () => {
    expect(readQuestion('浙江低保最低月标准提高到了多少钱？').named.places).toEqual(['浙江']);
    expect(readQuestion('广东省2026年GDP目标是多少').named.places).toEqual(['广东']);
    expect(readQuestion('冀南新区人民医院项目总投资多少?').named.places).toEqual([]);
  });

  it('are read where a name starts and ends on token edges, also from names the tokenizer cuts into characters', () => {
    expect(readQuestion('浙江西部山区有多少人口').named.places).toEqual(['浙江']);
    expect(readQuestion('唐山文明实践日集中活动开展了多少场?').named.places).toEqual(['唐山']);
    expect(readQuestion('曲周县有多少名儿童督导员?').named.places).toEqual(['曲周县']);
    expect(readQuestion('臺灣在哪一場戰爭後被割讓給日本?').named.places).toEqual(['台湾']);
  });
});
