// Excel workbooks, made for the test with exceljs as Excel saves them: a sheet whose header spans two
// rows (a merged 2025年 over GDP and 增速), a percentage format, a formula with its cached result, a
// hidden sheet; each visible sheet a part, each row a paragraph with its header cells; a broken file
// refused with the reason; and a folder holding one answers a question naming a row and a column.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxReader } from '../../../src/ingest/formats/xlsx-reader.js';
import { citationOf, citationText } from '../../../src/chat/citation.js';
import { createApp } from '../../../src/server/app.js';
import { openEngine, scratchDir } from '../../support/engines.js';
import { workbook } from '../../support/office-files.js';

describe('Excel workbooks', () => {
  it('reads each visible sheet as a part and each row with its header cells, two header rows joined, cached results not formulas', async () => {
    const read = await xlsxReader.read(await workbook());
    const text =
      '## 2025\n\n' +
      '地区：浙江，2025年 GDP（亿元）：90131，2025年 增速：5.5%\n\n' +
      '地区：广东，2025年 GDP（亿元）：141634，2025年 增速：4.1%\n\n' +
      '地区：合计，2025年 GDP（亿元）：231765\n\n' +
      '## 说明\n\n数据来源：各省统计局公报\n';
    expect(read).toEqual({ title: '2025年各地经济统计', text, rows: expect.any(Array) });
    // Each row's line, with Excel's row number: the two header rows are 1 and 2.
    const rows = 'rows' in read ? read.rows! : [];
    expect(rows.map((r) => [text.slice(r.start, r.end).slice(0, 5), r.sheet, r.row])).toEqual([
      ['地区：浙江', '2025', 3],
      ['地区：广东', '2025', 4],
      ['地区：合计', '2025', 5],
      ['数据来源：', '说明', 1],
    ]);
  });

  it('reads the workbook whole when streaming it fails: its sheets, parked in temporary files, cannot be written', async () => {
    const whole = await xlsxReader.read(await workbook());
    const temp = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent-xunyuan-tmp';
    try {
      expect(await xlsxReader.read(await workbook())).toEqual(whole);
    } finally {
      if (temp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = temp;
    }
  });

  it('refuses a file that is not a workbook, a truncated one and an encrypted one, with the reason', async () => {
    const read = await xlsxReader.read(Buffer.from('PK\u0003\u0004 not really a zip'));
    expect('error' in read && read.error).toMatch(/not a readable Excel workbook|inflates/);
    const whole = await workbook();
    expect(await xlsxReader.read(whole.subarray(0, whole.length / 2))).toEqual({ error: expect.stringMatching(/^not a readable Excel workbook \(\.xlsx\): /) });
    // Excel keeps a password-protected workbook in an OLE compound file, as an EncryptedPackage stream.
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]);
    expect(await xlsxReader.read(ole)).toEqual({ error: 'the workbook is encrypted (password protected)' });
  });

  it('answers a question naming a row and a column from a folder holding the workbook, and titles it by its properties', async () => {
    const work = scratchDir('xlsx');
    mkdirSync(join(work, 'corpus'));
    writeFileSync(join(work, 'corpus', 'gdp.xlsx'), await workbook());
    writeFileSync(join(work, 'corpus', '通知.txt'), '关于国庆节放假安排的通知\n\n10月1日至7日放假调休，共7天。\n');
    const engine = await openEngine({ corpusDir: join(work, 'corpus'), indexDir: join(work, 'index'), ocr: false });
    expect(engine.documents().map((d) => d.title), JSON.stringify(engine.skippedFiles())).toContain('2025年各地经济统计');
    const r = await engine.ask({ question: '广东2025年GDP增速是多少?' });
    expect(r.answer?.text).toContain('地区：广东');
    expect(r.answer?.text).toContain('增速：4.1%');
    expect(r.passages[0].table).toEqual({ sheet: '2025', row: 4, column: '2025年 增速' });
    expect(r.answer!.text.slice(r.answer!.phrase!.start, r.answer!.phrase!.end)).toBe('4.1%');
    const citation = citationOf(engine, r.passages[0]);
    expect(citationText(citation)).toBe('《2025年各地经济统计》 · 表「2025」 · 第4行 · 「2025年 增速」列');
    // The source view shows the sheet as a table, the cited row current and its cell marked.
    const page = await (await createApp(() => engine).request(citation.href)).text();
    expect(page).toMatch(/<th scope="col">2025年 增速<\/th>/);
    expect(page).toMatch(/<tr id="p\d+" class="cited" aria-current="location"><th scope="row">4<\/th><td>广东<\/td><td>141634<\/td><td><mark class="quote">4.1%<\/mark><\/td><\/tr>/);
  });
});
