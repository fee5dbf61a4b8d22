// A passage held word for word by several documents (a notice copied into two folders) is listed once,
// with the other documents named beside it, on the API, the page and the chat API's Markdown.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { answerMarkdown } from '../../../src/chat/answer-markdown.js';
import { createApp } from '../../../src/server/app.js';
import { openEngine, scratchDir } from '../../support/engines.js';

it('lists a passage copied into several documents once, naming the copies', async () => {
  const work = scratchDir('copies');
  const notice = '东区宿舍楼本周三上午九点至下午一点停水四小时，请提前储水。\n';
  for (const folder of ['后勤', '学生处', '宿管']) {
    mkdirSync(join(work, 'corpus', folder), { recursive: true });
    writeFileSync(join(work, 'corpus', folder, `${folder}停水通知.md`), `# ${folder}转发：停水通知\n\n${notice}`);
  }
  writeFileSync(join(work, 'corpus', '放假通知.md'), '# 放假通知\n\n国庆节10月1日至7日放假调休，共7天。\n');
  const engine = await openEngine({ corpusDir: join(work, 'corpus'), indexDir: join(work, 'index'), ocr: false });
  const result = await engine.ask({ question: '东区宿舍楼哪天停水?' });
  const texts = result.passages.map((p) => p.text);
  expect(texts.filter((t) => t.includes('停水四小时'))).toHaveLength(1);
  const top = result.passages[0];
  expect(top.text).toContain('停水四小时');
  expect(top.alsoIn?.map((c) => c.title).sort()).toEqual(['学生处转发：停水通知', '宿管转发：停水通知', '后勤转发：停水通知'].filter((t) => t !== engine.summary(top.docId)!.title).sort());
  expect(answerMarkdown(engine, result)).toMatch(/同样的内容也见于：\[《.+转发：停水通知》\]\(\/docs\/.+\)、\[《/);
  const page = await (await createApp(() => engine).request('/ask', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true' }, body: 'question=' + encodeURIComponent('东区宿舍楼哪天停水?') })).text();
  expect(page).toContain('同样的内容也见于');
});
