// Two provinces' notices on the same subject: the question's province leads, so its own figure is the
// answer, and a city neither covers is said to be missing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { openEngine, scratchDir } from '../support/engines.js';

const GUANGDONG = `# 广东省民政厅关于提高城乡低保标准的通知

全省城乡低保最低月标准由每人每月1000元提高到1100元，自2026年1月1日起执行。各地要及时足额发放低保金，确保低保对象基本生活。

广东省各地级以上市应按照分类施保原则，对重度残疾人、重病患者等特殊困难对象适当提高救助水平。
`;

const ZHEJIANG = `# 浙江省社会救助工作情况通报

今年以来，全省持续推进社会救助制度改革。城乡低保标准统一提高，月标准达到每人1200元。

浙江各地建立困难群众动态监测机制，对低收入人口实施常态化帮扶。
`;

let engine: AnswerEngine;

beforeAll(async () => {
  const work = scratchDir('places-ranked');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  writeFileSync(join(corpusDir, 'guangdong.md'), GUANGDONG);
  writeFileSync(join(corpusDir, 'zhejiang.md'), ZHEJIANG);
  engine = await openEngine({ corpusDir, indexDir: join(work, 'index'), ocr: false });
});

describe('a place asked, with passages from several', () => {
  it("puts the asked province's passage first and answers from it, though another's words are closer", async () => {
    const zhejiang = await engine.ask({ question: '浙江低保最低月标准提高到了多少钱?' });
    expect(zhejiang.answer?.text).toContain('1200元');
    expect(zhejiang.passages[1].scores.named).toBe(-1);
    expect((await engine.ask({ question: '广东低保最低月标准提高到了多少钱?' })).answer?.text).toContain('1100元');
  });

  it('says a city neither notice covers is missing', async () => {
    const r = await engine.ask({ question: '杭州低保标准是多少' });
    expect(r.answer).toBeNull();
    expect(r.message).toBe('文档中没有关于“杭州”的内容');
  });
});
