// A small folder of real kinds of documents (two laws in Markdown, a scraped report page with its
// chrome, minutes, a notice, an FAQ, a PDF and a Word file), indexed as a user would index it: every
// title is one a person would give, no passage is chrome, and a law asked by article answers with
// that article of that law.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { openEngine, scratchDir } from '../support/engines.js';

const REPORT = `<html><head><title>2026年重庆市政府工作报告_重庆市人民政府网</title></head><body>
<nav><a href="/">首页</a> <a href="/zwgk">政务公开</a></nav>
<p>下载 打印 全屏 收藏</p>
<p>【字号：加大 还原 减小】</p>
<p>来源：重庆日报</p>
<h1>2026年重庆市政府工作报告</h1>
<p>过去一年，全市地区生产总值增长5.8%，城镇新增就业73.6万人。</p>
<table><tr><th>指标</th><th>2025年</th></tr><tr><td>城镇新增就业</td><td>73.6万人</td></tr></table>
</body></html>`;

let engine: AnswerEngine;
let work: string;

beforeAll(async () => {
  work = scratchDir('mixed-folder');
  const corpusDir = join(work, 'corpus');
  mkdirSync(join(corpusDir, 'laws'), { recursive: true });
  cpSync('test/fixtures/laws', join(corpusDir, 'laws'), { recursive: true });
  cpSync('test/fixtures/office', join(corpusDir, 'office'), { recursive: true });
  cpSync('test/fixtures/formats/water-notice.pdf', join(corpusDir, 'water-notice.pdf'));
  cpSync('test/fixtures/formats/library-rules.docx', join(corpusDir, 'library-rules.docx'));
  writeFileSync(join(corpusDir, 'report.html'), REPORT);
  // An amended version of the same law: the same title, another date.
  const amended = readFileSync('test/fixtures/laws/labor-law.md', 'utf8').replace('1994年7月5日第八届全国人民代表大会常务委员会第八次会议通过', '2018年12月29日第十三届全国人民代表大会常务委员会第七次会议第二次修正');
  writeFileSync(join(corpusDir, 'laws', 'labor-law-2018.md'), amended);
  // Two files whose names differ only by extension.
  writeFileSync(join(corpusDir, 'notice.txt'), '停水通知\n\n本周六上午八点至十二点，东城区停水检修。\n');
  writeFileSync(join(corpusDir, 'notice.md'), '# 停电通知\n\n本周日下午两点至六点，西城区停电检修线路。\n');
  engine = await openEngine({ corpusDir, indexDir: join(work, 'index'), ocr: false });
});
afterAll(() => engine?.close());

describe('a mixed folder of real kinds of documents', () => {
  it('titles every document as a person would', () => {
    const titles = Object.fromEntries(engine.documents().map((d) => [d.path, d.title]));
    expect(titles['laws/labor-contract-law.md']).toBe('中华人民共和国劳动合同法');
    // Two versions of one law are told apart by the date each gives.
    expect(titles['laws/labor-law.md']).toBe('中华人民共和国劳动法（1994-07-05）');
    expect(titles['laws/labor-law-2018.md']).toBe('中华人民共和国劳动法（2018-12-29）');
    expect(titles['report.html']).toBe('2026年重庆市政府工作报告');
    for (const title of Object.values(titles)) expect(title).not.toMatch(/^第.+[章编节条]|INFO END|<!--|字号|来源/);
  });

  it('keeps two files whose names differ only by extension as two documents, each answering', async () => {
    const paths = engine.documents().map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['notice.txt', 'notice.md']));
    expect(new Set(engine.documents().map((d) => d.id)).size).toBe(engine.documents().length);
    expect((await engine.ask({ question: '西城区什么时候停电' })).answer?.text).toContain('下午两点至六点');
    expect((await engine.ask({ question: '东城区停水几点开始' })).answer?.text).toContain('八点');
  });

  it('makes no passage of chrome, comments or furniture', () => {
    for (const d of engine.documents()) {
      for (const p of engine.document(d.id)!.articles.flatMap((a) => a.paragraphs)) expect(p.text).not.toMatch(/INFO END|<!--|字号|^下载|^来源|^首页/);
    }
  });

  it('answers a law asked by article with that article of that law', async () => {
    const contract = await engine.ask({ question: '劳动合同法第十九条' });
    expect(engine.summary(contract.passages[0].docId)?.path).toBe('laws/labor-contract-law.md');
    expect(contract.passages[0].text).toMatch(/^第十九条 劳动合同期限/);
    const labor = await engine.ask({ question: '劳动法第19条是怎么规定的' });
    expect(engine.summary(labor.passages[0].docId)?.path).toMatch(/^laws\/labor-law(-2018)?\.md$/);
    expect(labor.passages[0].text).toMatch(/^第十九条 劳动合同应当以书面形式订立/);
  });

  it('says the documents do not answer a year they do not hold, naming it', async () => {
    const r = await engine.ask({ question: '重庆2019年城镇新增就业多少人' });
    expect(r.answer).toBeNull();
    expect(r.message).toBe('文档中没有关于“2019”的内容');
    expect(r.passages.length).toBeGreaterThan(0);
  });

  it('does not answer for a place from a passage about another place', async () => {
    const r = await engine.ask({ question: '浙江城镇新增就业多少人' });
    expect(r.answer).toBeNull();
    expect(r.message).toBe('文档中没有关于“浙江”的内容');
    expect((await engine.ask({ question: '重庆城镇新增就业多少人' })).answer?.text).toContain('73.6万人');
  });

  it('finds a figure in a table by its row and column', async () => {
    const r = await engine.ask({ question: '重庆2025年城镇新增就业多少人' });
    expect(r.answer?.text).toContain('73.6万人');
  });
});
