// The contract every index backend keeps (after Hono's shared router suite): run it from one test
// file per backend. Passages and vectors are made here, small and known, so a failure names what the
// backend got wrong rather than what a model happened to embed.
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/ingest/document-model.js';
import type { IndexBackend, PassageIndex } from '../../../src/search/index/passage-index.js';
import { tokenize } from '../../../src/search/tokenize/tokenize.js';
import { join } from 'node:path';
import { scratchDir } from '../../support/engines.js';
import { turnsDuring } from '../../support/event-loop-turns.js';

const DIMS = 4;

function passage(id: string, docId: string, title: string, text: string): Passage {
  return { id, docId, articleIndex: 0, title, paragraphIndex: 0, anchor: 'p0', text, start: 0, end: text.length, sourceStart: 0, sourceEnd: text.length, sentences: [{ start: 0, end: text.length }] };
}

const unit = (v: number[]) => {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};

/** Four passages in two documents; each vector points mostly along one axis. */
const PASSAGES = [
  passage('a:0', 'a', '人民医院', '冀南新区人民医院项目总投资4.33亿元，即将开工建设。'),
  passage('a:1', 'a', '人民医院', '医院建成后可提供床位六百张，方便群众就医。'),
  passage('b:0', 'b', '城市建设', '城市建设加快推进，新建道路十二条。'),
  passage('b:1', 'b', '生姜种植', '磁县推广种植生姜1000余亩，带动群众增收。'),
];
const VECTORS = [unit([1, 0.1, 0, 0]), unit([0.8, 0.5, 0, 0]), unit([0, 0, 1, 0.2]), unit([0, 0.1, 0.1, 1])];
const flat = (rows: number[][]) => Float32Array.from(rows.flat());

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

/** A staging folder of the index's own, as a build gets (not yet made). */
const staging = () => join(scratchDir('backend'), 'staging');

async function filled(backend: IndexBackend): Promise<PassageIndex> {
  const index = await backend.create(DIMS, staging());
  await index.insert(PASSAGES, flat(VECTORS));
  return index;
}

export function passageIndexContract(backend: IndexBackend): void {
  describe(`${backend.name}: the passage index contract`, () => {
    it('holds what was inserted', async () => {
      expect((await filled(backend)).size).toBe(PASSAGES.length);
    });

    it('keyword search ranks passages holding the query words first and leaves out the rest', async () => {
      const hits = await (await filled(backend)).keywordSearch({ terms: tokenize('人民医院总投资多少'), limit: 10, titleBoost: 1 });
      expect(ids(hits)[0]).toBe('a:0');
      expect(ids(hits)).not.toContain('b:0');
      expect(ids(hits)).not.toContain('b:1');
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    });

    it('keyword search matches whole tokens only, never a prefix of a longer word', async () => {
      const index = await filled(backend);
      expect(await index.keywordSearch({ terms: tokenize('城'), limit: 10, titleBoost: 1 })).toEqual([]);
      expect(ids(await index.keywordSearch({ terms: tokenize('城市'), limit: 10, titleBoost: 1 }))).toEqual(['b:0']);
    });

    it('keyword search reads traditional characters as simplified', async () => {
      const hits = await (await filled(backend)).keywordSearch({ terms: tokenize('醫院'), limit: 10, titleBoost: 1 });
      expect(ids(hits)).toContain('a:1');
    });

    it('the title field counts, scaled by the title boost', async () => {
      const index = await filled(backend);
      const titleOnly = async (boost: number) => (await index.keywordSearch({ terms: tokenize('种植'), limit: 10, titleBoost: boost })).find((h) => h.id === 'b:1')!.score;
      expect(await titleOnly(2)).toBeGreaterThan(await titleOnly(1));
    });

    it('keyword and vector search keep to one document when asked', async () => {
      const index = await filled(backend);
      const keyword = await index.keywordSearch({ terms: tokenize('群众'), limit: 10, docIds: ['b'], titleBoost: 1 });
      expect(ids(keyword)).toEqual(['b:1']);
      const vector = await index.vectorSearch({ vector: VECTORS[0], limit: 10, docIds: ['b'] });
      expect(new Set(ids(vector))).toEqual(new Set(['b:0', 'b:1']));
    });

    it('keyword and vector search keep to several documents (a folder), and to none when the scope is empty', async () => {
      const index = await filled(backend);
      const keyword = await index.keywordSearch({ terms: tokenize('群众'), limit: 10, docIds: ['a', 'b'], titleBoost: 1 });
      expect(new Set(ids(keyword))).toEqual(new Set(['a:1', 'b:1']));
      expect(await index.keywordSearch({ terms: tokenize('群众'), limit: 10, docIds: [], titleBoost: 1 })).toEqual([]);
      expect(await index.vectorSearch({ vector: VECTORS[0], limit: 10, docIds: [] })).toEqual([]);
      const quoted = await index.vectorSearch({ vector: VECTORS[0], limit: 10, docIds: ["o'brien", 'a'] });
      expect(new Set(ids(quoted))).toEqual(new Set(['a:0', 'a:1']));
    });

    it('vector search ranks every passage by cosine, up to the limit', async () => {
      const index = await filled(backend);
      const query = unit([1, 0.3, 0, 0]);
      const hits = await index.vectorSearch({ vector: query, limit: 10 });
      expect(ids(hits)).toHaveLength(4);
      expect(ids(hits).slice(0, 2)).toEqual(['a:0', 'a:1']);
      const cosine = (v: number[]) => v.reduce((s, x, i) => s + x * query[i], 0);
      hits.forEach((h) => expect(h.score).toBeCloseTo(cosine(VECTORS[PASSAGES.findIndex((p) => p.id === h.id)]), 5));
      expect(await index.vectorSearch({ vector: query, limit: 2 })).toHaveLength(2);
    });

    it('counts the passages whose text holds a term', async () => {
      const index = await filled(backend);
      expect(index.documentFrequency('群众')).toBe(2);
      expect(index.documentFrequency('生姜')).toBe(1);
      expect(index.documentFrequency('量子')).toBe(0);
    });

    it('saves into a build folder, vectors by row, and opens from it to the same answers', async () => {
      const index = await filled(backend);
      // Stored rows in reverse order: the opened index must find each vector by the row it was given.
      const reversed = [...VECTORS].reverse();
      const rowOf = (id: string) => PASSAGES.length - 1 - PASSAGES.findIndex((p) => p.id === id);
      const folder = scratchDir('build');
      const files = await index.save(folder, rowOf);
      expect(files.map((f) => f.name)).toEqual(backend.files);
      const restored = await backend.open(folder, Object.fromEntries(files.map((f) => [f.name, f.bytes])), () => flat(reversed), DIMS);
      expect(restored.size).toBe(index.size);
      const question = { terms: tokenize('医院床位'), limit: 10, titleBoost: 1 };
      expect(await restored.keywordSearch(question)).toEqual(await index.keywordSearch(question));
      const vector = { vector: unit([0, 0.2, 0.1, 1]), limit: 10 };
      expect(await restored.vectorSearch(vector)).toEqual(await index.vectorSearch(vector));
      expect(restored.documentFrequency('群众')).toBe(2);
    });

    it('scores a word by how often a passage holds it and by the passage\'s length, the same once saved and opened', async () => {
      const repeats = [
        passage('r:0', 'r', '病房', '医院医院医院，床位。'),
        passage('r:1', 'r', '病房', '医院，床位，护士站。'),
        passage('r:2', 'r', '病房', '医院新建门诊大楼、住院大楼和停车场，床位共计六百张，配套道路同步建成。'),
      ];
      const rows = [VECTORS[0], VECTORS[1], VECTORS[2]];
      const index = await backend.create(DIMS, staging());
      await index.insert(repeats, flat(rows));
      const folder = scratchDir('build');
      const files = await index.save(folder, (id) => repeats.findIndex((p) => p.id === id));
      const restored = await backend.open(folder, Object.fromEntries(files.map((f) => [f.name, f.bytes])), () => flat(rows), DIMS);
      const question = { terms: tokenize('医院床位'), limit: 10, titleBoost: 1 };
      const fresh = await index.keywordSearch(question);
      expect(ids(fresh)).toEqual(['r:0', 'r:1', 'r:2']);
      const opened = await restored.keywordSearch(question);
      expect(ids(opened)).toEqual(ids(fresh));
      opened.forEach((h, i) => expect(h.score).toBeCloseTo(fresh[i].score, 5));
    });

    it('a long insertion gives the event loop turns', async () => {
      const many = Array.from({ length: 1200 }, (_, i) => passage(`m:${i}`, 'm', '标题', `第${i}段正文，内容各不相同。`));
      const vectors = new Float32Array(many.length * DIMS).fill(0.5);
      const index = await backend.create(DIMS, staging());
      const { turns } = await turnsDuring(() => index.insert(many, vectors));
      expect(turns).toBeGreaterThan(1);
    });
  });
}
