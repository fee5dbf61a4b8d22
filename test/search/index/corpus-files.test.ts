// A corpus read from its data files: a query's candidates take their vectors from the array a backend
// holds, once one holds it, and recently read records are kept by their size.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Passage, StoredDocument } from '../../../src/ingest/document-model.js';
import { memoryCorpus } from '../../../src/search/index/corpus.js';
import { openCorpusFiles, writeCorpusFiles } from '../../../src/search/index/corpus-files.js';
import { scratchDir } from '../../support/engines.js';

const DIMENSIONS = 4;

function document(id: string, text: string): { doc: StoredDocument; passages: Passage[] } {
  const doc: StoredDocument = { id, path: `${id}.txt`, sourceHash: id, title: id, articles: [] };
  const passage: Passage = { id: `${id}:0:0`, docId: id, articleIndex: 0, title: id, paragraphIndex: 0, anchor: 'p0', text, start: 0, end: text.length, sourceStart: 0, sourceEnd: text.length, sentences: [{ start: 0, end: text.length }] };
  return { doc, passages: [passage] };
}

async function written(texts: string[]) {
  const made = texts.map((t, i) => document(`d${i}`, t));
  const vectors = Float32Array.from(texts.flatMap((_, i) => [i, i + 0.5, -i, 1]));
  const folder = scratchDir('corpus-files');
  const { table, sizes } = await writeCorpusFiles(folder, memoryCorpus(made.map((m) => m.doc), made.flatMap((m) => m.passages), vectors, DIMENSIONS));
  return { folder, open: () => openCorpusFiles(folder, table, sizes, DIMENSIONS), vectors };
}

describe('a corpus read from its files', () => {
  it('lends the rows of the array a backend holds, the same vectors the file has', async () => {
    const { open, vectors } = await written(['第一条', '第二条', '第三条']);
    const corpus = open();
    const fromFile = [...corpus.vectorsOf('d1')];
    const all = corpus.allVectors();
    expect([...all]).toEqual([...vectors]);
    const lent = corpus.vectorsOf('d1');
    expect([...lent]).toEqual(fromFile);
    expect(lent.buffer).toBe(all.buffer);
    corpus.close();
  });

  it('reads a record again once more bytes than it keeps have been read since', async () => {
    // Two documents whose passage records are 10 MB each, against 16 MB kept: the second read pushes the first out.
    const big = '长'.repeat(3_500_000);
    const { folder, open } = await written([big, big.replace(/^长/, '短')]);
    const corpus = open();
    expect(corpus.passagesOf('d0')[0].text).toBe(big);
    // The same bytes in place, one character changed: a record read again fails its check.
    const file = join(folder, 'passages.jsonl');
    const bytes = readFileSync(file);
    bytes.write('短', bytes.indexOf('长'), 'utf8');
    writeFileSync(file, bytes);
    expect(corpus.passagesOf('d0')[0].text).toBe(big);
    corpus.passagesOf('d1');
    expect(() => corpus.passagesOf('d0')).toThrow(/passages\.jsonl is corrupt/);
    corpus.close();
  });
});
