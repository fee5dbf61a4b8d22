// Documents that share a title are told apart by the date each gives, or by their paths.
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../src/ingest/document-model.js';
import { distinctTitles } from '../../src/ingest/distinct-titles.js';

const doc = (path: string, title: string, first: string): StoredDocument => ({
  id: path,
  path,
  sourceHash: path,
  title,
  articles: [{ index: 0, title, paragraphs: [{ index: 0, anchor: 'p0', kind: 'body', text: first, sourceStart: 0, sourceEnd: first.length, sentences: [] }] }],
});

describe('titles told apart', () => {
  it('by the first date each document gives, and by path when the dates do not tell them apart', () => {
    const titles = distinctTitles([
      doc('a.md', '未成年人保护法', '2020年10月17日第十三届全国人民代表大会常务委员会第二十二次会议修订'),
      doc('b.md', '未成年人保护法', '2012年10月26日第十一届全国人民代表大会常务委员会第二十九次会议修正'),
      doc('c.md', '工作报告', '过去一年。'),
      doc('d.md', '工作报告', '今年的目标。'),
      doc('e.md', '章程', '第一条 本会名称。'),
    ]).map((d) => d.title);
    expect(titles).toEqual(['未成年人保护法（2020-10-17）', '未成年人保护法（2012-10-26）', '工作报告（c.md）', '工作报告（d.md）', '章程']);
  });

  it('from each document’s own title again in a later build, and drops the label when the other one is gone', () => {
    const first = distinctTitles([doc('a.md', '通知', '2024-09-20 放假'), doc('b.md', '通知', '2024-10-01 开学')]);
    expect(distinctTitles(first).map((d) => d.title)).toEqual(['通知（2024-09-20）', '通知（2024-10-01）']);
    expect(distinctTitles([first[0]])[0]).toMatchObject({ title: '通知' });
    expect(distinctTitles([first[0]])[0].ownTitle).toBeUndefined();
  });
});
