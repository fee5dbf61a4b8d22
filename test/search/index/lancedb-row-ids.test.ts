import { describe, expect, it } from 'vitest';
import { RowIds, type ScannedRow } from '../../../src/search/index/lancedb/row-ids.js';

/** A row address: fragment in the upper 32 bits, offset in the lower. */
const address = (fragment: number, offset: number) => (BigInt(fragment) << 32n) | BigInt(offset);

describe('LanceDB row ids to passage ids', () => {
  // Two fragments, the later one first and its rows out of order, as no scan promises an order.
  const rows: ScannedRow[] = [
    { rowId: address(3, 1), id: 'b:0:1' },
    { rowId: address(3, 0), id: 'b:0:0' },
    { rowId: address(0, 0), id: 'a:0:0' },
    { rowId: address(0, 1), id: '甲文档:2:0' },
    { rowId: address(0, 2), id: 'a:1:0' },
  ];

  it('gives each row id its passage id, and the same after saving and reading back', () => {
    const fresh = RowIds.fromRows(rows);
    const reread = RowIds.fromBytes(fresh.toBytes());
    for (const table of [fresh, reread]) {
      expect(table.size).toBe(5);
      for (const { rowId, id } of rows) expect(table.idOf(rowId)).toBe(id);
    }
  });

  it('refuses a row id it does not hold', () => {
    const table = RowIds.fromRows(rows);
    expect(() => table.idOf(address(1, 0))).toThrow(/does not hold/);
    expect(() => table.idOf(address(3, 7))).toThrow(/does not hold/);
  });

  it('keeps the rows around a deleted one, and never answers with the deleted one', () => {
    const table = RowIds.fromBytes(RowIds.fromRows([{ rowId: address(0, 0), id: 'a' }, { rowId: address(0, 2), id: 'b' }]).toBytes());
    expect(table.idOf(address(0, 0))).toBe('a');
    expect(table.idOf(address(0, 2))).toBe('b');
    expect(() => table.idOf(address(0, 1))).toThrow(/does not hold/);
  });

  it('refuses ids with line breaks and a file without its head', () => {
    expect(() => RowIds.fromRows([{ rowId: address(0, 0), id: 'a\nb' }])).toThrow(/line break/);
    expect(() => RowIds.fromBytes(Buffer.from('a:0:0\nb:0:0\n'))).toThrow(/first rows/);
    expect(() => RowIds.fromBytes(Buffer.from('{"starts":[["x",0]]}\na\n'))).toThrow(/first rows/);
  });

  it('holds nothing when empty', () => {
    expect(RowIds.empty.size).toBe(0);
    expect(() => RowIds.empty.idOf(0n)).toThrow(/does not hold/);
  });
});
