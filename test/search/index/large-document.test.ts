// One document of more passages than a call's arguments may hold (about 125,000 overflowed the stack
// when they were spread into push()): it builds, and every passage is searchable.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Embedder } from '../../../src/search/embed/embedder.js';
import { buildIndex } from '../../../src/search/index/build-index.js';

const vector = (text: string) => [...createHash('sha256').update(text).digest()].slice(0, 8).map((b) => b / 255);
const hashEmbedder: Embedder = { fingerprint: 'hash', dimensions: 8, embedQueries: async (q) => q.map(vector), embedPassages: async (p) => p.map(vector) };

it('builds a document of 130,000 passages', async () => {
  const text = Array.from({ length: 130_000 }, (_, i) => `第${i}行记录了一次测量。`).join('\n');
  const { index, report } = await buildIndex([{ id: 'log', path: 'log.txt', name: 'log', text }], hashEmbedder, { batchSize: 512 });
  expect(report.passages).toBe(130_000);
  expect(index.search.size).toBe(130_000);
  const hits = await index.search.keywordSearch({ terms: ['129999'], limit: 1, titleBoost: 1 });
  expect(index.corpus.passagesOf('log').find((p) => p.id === hits[0]?.id)?.text).toBe('第129999行记录了一次测量。');
});
