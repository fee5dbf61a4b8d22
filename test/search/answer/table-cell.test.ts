// The cell a question asks for in a spreadsheet row read as `header：value` cells.
import { describe, expect, it } from 'vitest';
import { askedCell, cellsOf, columnAt } from '../../../src/search/answer/table-cell.js';

const ROW = '地区：广东，2025年 GDP（亿元）：141634，2025年 增速：4.1%，备注：含深圳、广州';
const valueOf = (line: string, q: string) => {
  const cell = askedCell(line, q);
  return cell && [cell.column, line.slice(cell.start, cell.end)];
};

describe('the asked cell of a row', () => {
  it('splits a row into its cells, a value holding a comma of its own kept whole', () => {
    expect(cellsOf(ROW).map((c) => [c.column, ROW.slice(c.start, c.end)])).toEqual([
      ['地区', '广东'],
      ['2025年 GDP（亿元）', '141634'],
      ['2025年 增速', '4.1%'],
      ['备注', '含深圳、广州'],
    ]);
  });

  it('is the column the question names most fully, never the row label it names by value', () => {
    expect(valueOf(ROW, '广东2025年GDP增速是多少')).toEqual(['2025年 增速', '4.1%']);
    expect(valueOf(ROW, '广东2025年GDP是多少亿元')).toEqual(['2025年 GDP（亿元）', '141634']);
    expect(valueOf(ROW, '广东的备注')).toEqual(['备注', '含深圳、广州']);
  });

  it('is none when no header is named, or the row has no headers', () => {
    expect(askedCell(ROW, '广东怎么样')).toBeUndefined();
    expect(askedCell('广东，141634，4.1%', '广东增速')).toBeUndefined();
  });

  it('names the column of an offset in the row', () => {
    expect(columnAt(ROW, ROW.indexOf('4.1%') + 1)).toBe('2025年 增速');
    expect(columnAt(ROW, 0)).toBeUndefined();
  });
});
