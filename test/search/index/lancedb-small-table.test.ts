// A LanceDB table below ANN_MIN_ROWS is searched in memory (`small-table.ts`) and gets no full-text
// index. Its keyword side must find and score what LanceDB's own full-text index, made here on the same
// table as the backend makes it past that size, finds and scores.
import { connect, MatchQuery } from '@lancedb/lancedb';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Passage } from '../../../src/ingest/document-model.js';
import { fullTextIndex, lancedbBackend } from '../../../src/search/index/lancedb/lancedb-index.js';
import { TABLE } from '../../../src/search/index/lancedb/passage-table.js';
import { readSmallTable, type WordColumn } from '../../../src/search/index/lancedb/small-table.js';
import { tokenize } from '../../../src/search/tokenize/tokenize.js';
import { scratchDir } from '../../support/engines.js';

const DIMS = 2;
const TEXTS = [
  ['劳动合同法', '劳动合同期限三个月以上不满一年的，试用期不得超过一个月；劳动合同期限一年以上不满三年的，试用期不得超过二个月。'],
  ['劳动合同法', '同一用人单位与同一劳动者只能约定一次试用期。试用期包含在劳动合同期限内。'],
  ['劳动法', '用人单位由于生产经营需要，经与工会和劳动者协商后可以延长工作时间，一般每日不得超过一小时。'],
  ['工资支付', '工资应当以货币形式按月支付给劳动者本人。不得克扣或者无故拖欠劳动者的工资。工资工资。'],
  ['滏阳河', '滏阳河在冀南新区境内全长约25公里，是当地重要的排涝河道。'],
  ['', '人民公园占地六百亩，园内有湖，劳动者节假日免费入园。'],
];
const QUERIES = ['试用期最长多久', '劳动者工资', '劳动合同期限一年', '延长工作时间', '滏阳河全长', '劳动法 加班', '没有的词'];

describe('a small LanceDB table searched by words in memory', () => {
  it('finds the rows LanceDB\'s full-text index finds, with its scores, in each column and within a document', async () => {
    const staging = join(scratchDir('lancedb-small'), 'staging');
    const passages: Passage[] = TEXTS.map(([title, text], i) => ({ id: `d${i % 3}:${i}:0`, docId: `d${i % 3}`, articleIndex: 0, title, paragraphIndex: i, anchor: 'p0', text, start: 0, end: text.length, sourceStart: 0, sourceEnd: text.length, sentences: [{ start: 0, end: text.length }] }));
    const index = await lancedbBackend.create(DIMS, staging);
    await index.insert(passages, new Float32Array(passages.length * DIMS).fill(0.5));
    const table = await (await connect(staging)).openTable(TABLE);
    expect(await table.listIndices()).toEqual([]);
    for (const column of ['text', 'title']) await table.createIndex(column, { config: fullTextIndex() });
    const { words } = await readSmallTable(table, passages.length, DIMS);
    let compared = 0;
    for (const query of QUERIES) {
      const terms = [...new Set(tokenize(query))];
      for (const column of ['text', 'title'] as WordColumn[]) {
        for (const docIds of [undefined, ['d1']]) {
          let search = table.search(new MatchQuery(terms.join(' '), column));
          if (docIds) search = search.where(`doc_id IN ('d1')`);
          const lance = (await search.select(['id', '_score']).limit(10).toArray()).map((r) => ({ id: r.id as string, score: r._score as number }));
          const mine = words.search(column, terms, 10, docIds);
          expect(new Set(mine.map((h) => h.id))).toEqual(new Set(lance.map((h) => h.id)));
          for (const hit of mine) expect(hit.score).toBeCloseTo(lance.find((h) => h.id === hit.id)!.score, 4);
          compared += lance.length;
        }
      }
    }
    // The queries found something to compare, in both columns.
    expect(compared).toBeGreaterThan(20);
  });
});
