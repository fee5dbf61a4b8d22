// A folder of spreadsheets (Excel, CSV, OpenDocument), slides, a text and an e-book, as a user drops it in, asked through the API: every
// file is read (nothing skipped); a question naming a row and a column is answered with the cell,
// bold, and the passage says its sheet, row and column; the chat page cites them the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { createApp } from '../../src/server/app.js';
import { openEngine, scratchDir } from '../support/engines.js';
import { book, odsSpreadsheet, odtDocument, presentation, workbook } from '../support/office-files.js';

const work = scratchDir('tables-api');
let engine: AnswerEngine;
const app = createApp(() => engine);
const ask = async (q: string) => (await app.request(`/api/ask?q=${encodeURIComponent(q)}`)).json();
const bold = (r: { answer: { text: string; phrase?: { start: number; end: number } } }) => r.answer.text.slice(r.answer.phrase!.start, r.answer.phrase!.end);

beforeAll(async () => {
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, '各地经济.xlsx'), await workbook());
  // A staff list saved by Excel in China: GBK, a header row, a quoted cell holding a comma.
  writeFileSync(join(corpusDir, '值班表.csv'), iconv.encode('姓名,部门,值班日期,联系电话\r\n王建国,行政人事部,10月1日,"0310-5566123,转801"\r\n李红梅,财务部,10月2日,0310-5566124\r\n', 'gbk'));
  writeFileSync(join(corpusDir, '食堂改造汇报.pptx'), presentation());
  writeFileSync(join(corpusDir, '员工手册.epub'), book());
  writeFileSync(join(corpusDir, '各省经济.ods'), odsSpreadsheet());
  writeFileSync(join(corpusDir, '物业方案.odt'), odtDocument());
  engine = await openEngine({ corpusDir, indexDir: join(work, 'index'), ocr: false });
});

describe('a folder of tables, slides and a book', () => {
  it('reads every file, skipping none', async () => {
    const listed = await (await app.request('/api/documents')).json();
    expect(listed.skipped).toEqual([]);
    expect(listed.documents.map((d: { title: string }) => d.title).sort()).toEqual(['2025年各地经济统计', '2025年各省经济', '2025年食堂改造汇报', '值班表', '员工手册', '物业服务方案'].sort());
  });

  it('answers a row and a column of a workbook with the cell, and names sheet, row and column', async () => {
    const r = await ask('广东2025年GDP增速是多少?');
    expect(bold(r)).toBe('4.1%');
    expect(r.passages[0].table).toEqual({ sheet: '2025', row: 4, column: '2025年 增速' });
    const chat = await (await app.request(`/?h=${encodeURIComponent('广东2025年GDP增速是多少?')}`)).text();
    expect(chat).toContain('表「2025」 · 第4行 · 「2025年 增速」列');
  });

  it('answers a row and a column of a GBK CSV with the cell, a comma inside it kept', async () => {
    const r = await ask('李红梅哪天值班?');
    expect(bold(r)).toBe('10月2日');
    expect(r.passages[0].table).toEqual({ row: 3, column: '值班日期' });
    const phone = await ask('王建国的联系电话是多少?');
    expect(bold(phone)).toBe('0310-5566123,转801');
    expect(phone.passages[0].table).toEqual({ row: 2, column: '联系电话' });
  });

  it("answers a table's highest or lowest from its cells, the total row left out, and says what was compared", async () => {
    const r = await ask('哪个地区2025年GDP增速最高?');
    expect(bold(r)).toBe('浙江');
    expect(r.answer.computed).toEqual({ extreme: 'max', column: '2025年 增速', rows: 2 });
    expect(r.passages[0].table).toMatchObject({ sheet: '2025', row: 3 });
    // Asked of the workbook alone: the OpenDocument sheet beside it has rows still to fill (待填, 0).
    const workbookId = engine.documents().find((d) => d.title === '2025年各地经济统计')!.id;
    const low = await (await app.request(`/api/ask?q=${encodeURIComponent('GDP最低的是哪个地区?')}&docId=${encodeURIComponent(workbookId)}`)).json();
    expect(bold(low)).toBe('浙江');
    const chat = await (await app.request(`/?h=${encodeURIComponent('哪个地区2025年GDP增速最高?')}`)).text();
    expect(chat).toContain('比较了表中「2025年 增速」列的 2 行数字，这一行最高');
  });

  it('answers from a slide with its page, and from a chapter of the book', async () => {
    const slide = await ask('食堂改造工程总投资多少?');
    expect(slide.answer.text).toContain('三百二十万元');
    expect(slide.passages[0]).toMatchObject({ page: 1 });
    expect(slide.passages[0].table).toBeUndefined();
    expect((await ask('员工入职满一年有几天年假?')).answer.text).toContain('五天带薪年假');
    expect((await ask('物业服务中心晚上几点关门?')).answer.text).toContain('晚上六点关门');
  });
});
