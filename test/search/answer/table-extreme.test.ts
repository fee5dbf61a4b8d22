// A table's highest or lowest, found from the cells: the column the question names is compared over
// every row of the sheet (a total row left out), and the answer is the label the question asks for.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/ingest/document-model.js';
import { askedExtreme, cellFigure, tableExtreme } from '../../../src/search/answer/table-extreme.js';

const row = (text: string, row: number, sheet = '2025'): Passage => ({
  id: `t:${row}:0`, docId: 't', articleIndex: 0, title: 't', paragraphIndex: row, anchor: `p${row}`, text, start: 0, end: text.length,
  sourceStart: 0, sourceEnd: text.length, sentences: [{ start: 0, end: text.length }], tableRow: { sheet, row },
});

const ROWS = [
  row('地区：浙江，GDP（亿元）：90131，增速：5.5%', 3),
  row('地区：广东，GDP（亿元）：141,634，增速：4.1%', 4),
  row('地区：江苏，GDP（亿元）：137008，增速：5.8%', 5),
  row('地区：合计，GDP（亿元）：368773', 6),
  row('地区：上海，GDP（亿元）：53926，增速：6.0%', 2, '2024'),
];
const answer = (question: string, top = ROWS[0]) => {
  const found = tableExtreme(question, top, ROWS);
  return found && { row: found.passage.tableRow!.row, answer: found.passage.text.slice(found.answer.start, found.answer.end), column: found.column, rows: found.compared };
};

describe("a table's highest or lowest", () => {
  it('reads the figure of a cell: separators, percentages, units; a date or a name is none', () => {
    expect([cellFigure('141,634'), cellFigure('5.5%'), cellFigure('-3.2'), cellFigure('12万元'), cellFigure('2025-10-01'), cellFigure('浙江')]).toEqual([141634, 5.5, -3.2, 12, undefined, undefined]);
  });

  it('is asked by 最高/最多/最大 or 最低/最少/最小', () => {
    expect([askedExtreme('哪个地区增速最高'), askedExtreme('金额最少的是哪一笔'), askedExtreme('广东增速是多少')]).toEqual(['max', 'min', undefined]);
  });

  it('compares the column the question names over the sheet, leaving out the total row and other sheets', () => {
    expect(answer('哪个地区增速最高?')).toEqual({ row: 5, answer: '江苏', column: '增速', rows: 3 });
    expect(answer('哪个地区GDP最低?')).toEqual({ row: 3, answer: '浙江', column: 'GDP（亿元）', rows: 3 });
    expect(answer('最高的增速是多少?')).toEqual({ row: 5, answer: '5.8%', column: '增速', rows: 3 });
    // GDP is named too, but 增速 is what stands beside 最高.
    expect(answer('哪个地区GDP增速最高?')).toEqual({ row: 5, answer: '江苏', column: '增速', rows: 3 });
  });

  it('is nothing when the question asks no extreme, names no column of figures, or the best passage is no row', () => {
    expect(answer('浙江增速是多少?')).toBeUndefined();
    expect(answer('哪个省份最大?')).toBeUndefined();
    const prose = { ...ROWS[0], tableRow: undefined };
    expect(tableExtreme('哪个地区增速最高', prose, ROWS)).toBeUndefined();
  });
});
