// The keyword index reads each passage's heading led by its document's title: a question naming the
// document (若依) finds a passage under any of its sections, though neither the section's heading nor
// its text names it. What is shown keeps the passage's own heading.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TITLE_BOOST } from '../../../src/search/knobs.js';
import { tokenize } from '../../../src/search/tokenize/tokenize.js';
import { openEngine, scratchDir } from '../../support/engines.js';

it('finds a section of a document by the document’s title alone, and shows the section’s own heading', async () => {
  const work = scratchDir('title-field');
  mkdirSync(join(work, 'corpus'));
  writeFileSync(join(work, 'corpus', 'ruoyi.md'), '若依系统开发环境搭建手册\n\n# 1. 准备工作\n\n先安装好 Maven。\n\n# 默认账号\n\n默认登录账号是 admin，密码是 admin123。\n');
  writeFileSync(join(work, 'corpus', 'vm.md'), '# 虚拟机说明\n\n默认登录账号是 ustc，密码也是 ustc。\n');
  const engine = await openEngine({ corpusDir: join(work, 'corpus'), indexDir: join(work, 'index'), ocr: false });
  const index = engine.keeper.index;
  const hits = await index.search.keywordSearch({ terms: tokenize('若依'), limit: 10, titleBoost: TITLE_BOOST });
  const found = hits.map((h) => engine.passage(h.id)!);
  const account = found.find((p) => p.text.includes('admin123'));
  expect(account).toBeDefined();
  expect(account!.title).toBe('默认账号');
  expect(found.some((p) => p.text.includes('ustc'))).toBe(false);
});
