// A law the question names that the folder does not hold: a folder with 劳动法 and no 劳动合同法 does
// not answer 劳动合同法第十九条 with 劳动法's article 19, however close its words; it says which law is
// missing and still lists the closest passages.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { openEngine, scratchDir } from '../support/engines.js';

let engine: AnswerEngine;

beforeAll(async () => {
  const work = scratchDir('law-not-held');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  cpSync('test/fixtures/laws/labor-law.md', join(corpusDir, 'labor-law.md'));
  cpSync('test/fixtures/office', join(corpusDir, 'office'), { recursive: true });
  engine = await openEngine({ corpusDir, indexDir: join(work, 'index'), ocr: false });
});

describe('a law the folder does not hold', () => {
  it('is said to be missing, by article or by topic, with the closest passages listed', async () => {
    for (const question of ['劳动合同法第十九条', '劳动合同法规定试用期最长多久?', '《劳动合同法》里劳动合同应当以什么形式订立?']) {
      const r = await engine.ask({ question });
      expect(r.answer).toBeNull();
      expect(r.message).toBe('文档中没有关于“劳动合同法”的内容');
      expect(r.passages.length).toBeGreaterThan(0);
    }
  });

  it('does not stop the law the folder holds from answering', async () => {
    expect((await engine.ask({ question: '劳动法第十九条' })).answer?.text).toMatch(/^第十九条 劳动合同应当以书面形式订立/);
    expect((await engine.ask({ question: '劳动法规定试用期最长多久?' })).answer?.text).toContain('六个月');
  });
});
