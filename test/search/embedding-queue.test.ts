// The build's model calls: texts sent as they are found, each once, a few at a time, every vector handed
// on; a failed call fails the build; and a build starts the model before it has read all its files.
import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/search/embed/embedder.js';
import { EmbeddingQueue } from '../../src/search/embed/embedding-queue.js';
import { buildIndex } from '../../src/search/index/build-index.js';
import type { SourceFile } from '../../src/ingest/read-corpus.js';

/** An embedder whose calls wait until `release` is called; vectors are the texts' lengths. */
function heldEmbedder() {
  const calls: string[][] = [];
  const held: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const embedder: Embedder = {
    fingerprint: 'held',
    dimensions: 2,
    embedQueries: async (texts) => texts.map((t) => [t.length, 1]),
    embedPassages: (texts) => {
      calls.push(texts);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      return new Promise((resolve) =>
        held.push(() => {
          inFlight--;
          resolve(texts.map((t) => [t.length, 1]));
        }),
      );
    },
  };
  const releaseAll = async () => {
    while (held.length > 0) {
      held.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { embedder, calls, releaseAll, mostInFlight: () => mostInFlight };
}

describe('EmbeddingQueue', () => {
  it('sends each distinct text once, a few calls at a time, and delivers every vector', async () => {
    const model = heldEmbedder();
    const delivered = new Map<string, number[]>();
    const queue = new EmbeddingQueue(model.embedder, (text, vector) => delivered.set(text, vector));
    const texts = Array.from({ length: 20 }, (_, i) => '字'.repeat(i + 1));
    for (const text of [...texts, ...texts]) queue.want(text);
    expect(queue.size).toBe(20);
    const finished = queue.finished();
    await model.releaseAll();
    await finished;
    expect(model.calls.flat().sort()).toEqual([...texts].sort());
    expect(model.mostInFlight()).toBeGreaterThan(1);
    expect(model.mostInFlight()).toBeLessThan(texts.length);
    expect([...delivered].map(([text, vector]) => vector[0] === text.length)).toEqual(texts.map(() => true));
  });

  it('rejects with the model error, and sends nothing more after it', async () => {
    let calls = 0;
    const failing: Embedder = {
      fingerprint: 'failing',
      dimensions: 2,
      embedQueries: async () => [],
      embedPassages: async () => {
        calls++;
        throw new Error('model broke');
      },
    };
    const queue = new EmbeddingQueue(failing, () => {});
    for (let i = 0; i < 50; i++) queue.want(`text ${i}`);
    await expect(queue.finished()).rejects.toThrow('model broke');
    queue.want('one more');
    expect(calls).toBeLessThan(50);
    const sent = calls;
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(sent);
  });

  it('a failing delivery fails the queue instead of escaping as an unhandled rejection', async () => {
    const model = heldEmbedder();
    const strict = new EmbeddingQueue(model.embedder, () => {
      throw new Error('no row for it');
    });
    strict.want('a');
    const failed = expect(strict.finished()).rejects.toThrow('no row for it');
    await model.releaseAll();
    await failed;
  });
});

describe('a build and its model', () => {
  const files: SourceFile[] = Array.from({ length: 300 }, (_, n) => ({
    id: `f${n}`,
    path: `f${n}.txt`,
    name: `f${n}`,
    text: [1, 2].map((k) => `第${n}号文件第${k}段：` + `用于测试建索引时模型何时开始工作的正文，编号${n}-${k}。`.repeat(10)).join('\n\n'),
  }));

  it('sends passages to the model while it is still reading files, and every passage gets its vector', async () => {
    const events: string[] = [];
    const embedder: Embedder = {
      fingerprint: 'order',
      dimensions: 2,
      apart: true,
      embedQueries: async (texts) => texts.map(() => [1, 0]),
      embedPassages: async (texts) => {
        events.push('model');
        await new Promise((r) => setTimeout(r, 1));
        return texts.map((t) => [t.length, 1]);
      },
    };
    const { index, report } = await buildIndex(files, embedder, { onProgress: () => events.push('progress') });
    // The first progress report is made once every file is read: the model had started before it.
    expect(events[0]).toBe('model');
    expect(events.indexOf('progress')).toBeGreaterThan(1);
    expect(report).toMatchObject({ documents: 300, passages: index.corpus.passageCount, embedded: index.corpus.passageCount });
    const passages = index.corpus.documents.flatMap((d) => index.corpus.passagesOf(d.id));
    const vectors = index.corpus.documents.map((d) => [...index.corpus.vectorsOf(d.id)]).flat();
    expect(vectors.filter((_, i) => i % 2 === 1)).toEqual(passages.map(() => 1));
  });
});
