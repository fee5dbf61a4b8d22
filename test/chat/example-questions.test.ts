// Example questions spread over the corpus: one a document, folders taken in turn, so a folder of many
// similar files (a group of court cases) does not fill the list.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { exampleQuestions } from '../../src/chat/example-questions.js';
import { openEngine, scratchDir } from '../support/engines.js';

it('shows at most one example a document, and reaches the small folder past the large one', async () => {
  const work = scratchDir('examples');
  const corpusDir = join(work, 'corpus');
  mkdirSync(join(corpusDir, 'cases'), { recursive: true });
  mkdirSync(join(corpusDir, 'notices'), { recursive: true });
  const cases = [
    ['华丰贸易公司', '钢材', 13, '南湖'],
    ['顺达物流公司', '运费', 27, '北关'],
    ['青山木业商行', '板材', 41, '西岭'],
    ['明远电器公司', '空调', 56, '东坡'],
    ['金穗粮油公司', '大米', 68, '柳营'],
    ['宏图印务公司', '纸张', 79, '桃源'],
  ];
  for (const [i, [party, goods, owed, town]] of cases.entries()) {
    writeFileSync(
      join(corpusDir, 'cases', `case-${i + 1}.md`),
      `# ${party}买卖合同纠纷判决书\n\n${party}诉称${town}镇的买方拖欠${goods}货款${owed}万元，法院判决买方支付货款及利息。\n`,
    );
  }
  writeFileSync(join(corpusDir, 'notices', 'water.md'), '# 停水通知\n\n东城区共有3200户居民将受停水影响，请提前储水。\n');
  const engine = await openEngine({ corpusDir, indexDir: join(work, 'index'), ocr: false });
  const examples = await exampleQuestions(engine);
  expect(examples.length).toBeGreaterThanOrEqual(3);
  const documents = await Promise.all(examples.map(async (q) => (await engine.ask({ question: q, topK: 1 })).answer?.docId));
  expect(new Set(documents).size).toBe(documents.length);
  expect(examples.some((q) => q.includes('户居民'))).toBe(true);
});
