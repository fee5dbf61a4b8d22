// Spreadsheets saved as CSV or TSV: GBK as Excel in China saves it, quoted cells with commas, each row
// a paragraph with its header cells; and a folder holding one answers a question naming a row and a column.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvReader, tsvReader } from '../../../src/ingest/formats/csv-reader.js';
import { openEngine, scratchDir } from '../../support/engines.js';

// A blank line keeps its number, as a spreadsheet opening the file shows it: 广东 is row 4.
const TABLE = '地区,2025年GDP（亿元）,增速\r\n浙江,90131,5.5%\r\n\r\n广东,"141,633",4.0%\r\n';

describe('CSV and TSV', () => {
  it('reads a GBK table, each row with its header cells, a quoted comma kept in its cell', async () => {
    const first = '地区：浙江，2025年GDP（亿元）：90131，增速：5.5%';
    const second = '地区：广东，2025年GDP（亿元）：141,633，增速：4.0%';
    expect(await csvReader.read(iconv.encode(TABLE, 'gbk'))).toEqual({
      text: `${first}\n\n${second}\n`,
      rows: [
        { start: 0, end: first.length, row: 2 },
        { start: first.length + 2, end: first.length + 2 + second.length, row: 4 },
      ],
    });
    expect(await tsvReader.read(Buffer.from('姓名\t部门\n王建国\t行政人事部\n'))).toEqual({ text: '姓名：王建国，部门：行政人事部\n', rows: [{ start: 0, end: 15, row: 2 }] });
  });

  it('refuses a table with nothing in it', async () => {
    expect(await csvReader.read(Buffer.from(',,\n,,\n'))).toEqual({ error: 'the table holds no text' });
  });

  it('answers a question naming a row and a column from a folder holding the table', async () => {
    const work = scratchDir('csv');
    mkdirSync(join(work, 'corpus'));
    writeFileSync(join(work, 'corpus', '2025年各地经济.csv'), iconv.encode(TABLE, 'gbk'));
    writeFileSync(join(work, 'corpus', '通知.txt'), '关于国庆节放假安排的通知\n\n10月1日至7日放假调休，共7天。\n');
    const engine = await openEngine({ corpusDir: join(work, 'corpus'), indexDir: join(work, 'index'), ocr: false });
    const r = await engine.ask({ question: '广东2025年GDP增速是多少?' });
    expect(r.answer?.text).toContain('地区：广东');
    expect(r.answer?.text).toContain('增速：4.0%');
    expect(r.passages[0].table).toEqual({ row: 4, column: '增速' });
  });
});
