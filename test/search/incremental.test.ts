// Re-indexing: only passages whose text changed go to the model, deleted files leave the index, the
// counts are reported, and in watch mode a running server answers from the change without a restart.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { isCorpusFileName, type SourceFile } from '../../src/ingest/read-corpus.js';
import { DEFAULT_CHUNKING } from '../../src/ingest/chunk-passages.js';
import { buildIndex } from '../../src/search/index/build-index.js';
import { fingerprintOf } from '../../src/search/index/fingerprint.js';
import { saveIndex } from '../../src/search/index/index-store.js';
import type { Embedder } from '../../src/search/embed/embedder.js';
import { embeddingText } from '../../src/search/embed/embedding-text.js';
import { INSERT_SLICE } from '../../src/search/index/orama/orama-index.js';
import { passageWithVector, type Corpus } from '../../src/search/index/corpus.js';
import { RECORD_SLICE } from '../../src/search/index/corpus-files.js';
import { freePort } from '../../src/server/free-port.js';
import { snapshotFolders } from '../../src/ingest/folder-snapshot.js';
import { folderDigest } from '../../src/ingest/folder-digest.js';
import { watchFolders } from '../../src/ingest/watch-folders.js';
import { turnsDuring } from '../support/event-loop-turns.js';
import { run, until } from '../support/processes.js';
import { describeBackends, openEngine } from '../support/engines.js';

/** corpus-table.json and the backend's file (orama.json or lancedb-terms.json), each written whole. */
const FILES_SAVED = 2;
const work = mkdtempSync(join(tmpdir(), 'xunyuan-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const allPassages = (corpus: Corpus) => corpus.documents.flatMap((d) => corpus.passagesOf(d.id));

/** Counts and records what it is asked to embed; vectors are derived from the text so they are stable. */
function countingEmbedder(): Embedder & { texts: string[] } {
  const texts: string[] = [];
  const vector = (text: string) => [...createHash('sha256').update(text).digest()].slice(0, 8).map((b) => b / 255);
  return {
    texts,
    fingerprint: 'counting',
    dimensions: 8,
    embedQueries: async (questions) => questions.map(vector),
    embedPassages: async (batch) => {
      texts.push(...batch);
      return batch.map(vector);
    },
  };
}

/** A file of three paragraphs, each long enough to be a passage of its own. */
const article = (n: number, variant = '') =>
  [1, 2, 3]
    .map((k) => `第${n}号文件第${k}段${variant && k === 2 ? variant : ''}：` + `这是用于测试增量索引的一段较长的正文内容，编号${n}-${k}。`.repeat(12))
    .join('\n\n');
const file = (n: number, variant = ''): SourceFile => ({ id: `f${n}`, path: `f${n}.txt`, name: `f${n}`, text: article(n, variant) });

describe('building on the previous index', () => {
  const corpus = Array.from({ length: 1000 }, (_, i) => file(i));

  it('embeds identical passage texts once and gives every copy the same vector', async () => {
    const embedder = countingEmbedder();
    const copies = [file(1), { ...file(1), id: 'copy', path: 'k1/f1.txt' }, file(2)];
    const { index, report } = await buildIndex(copies, embedder);
    expect(embedder.texts).toHaveLength(6);
    expect(new Set(embedder.texts).size).toBe(6);
    expect(report).toMatchObject({ passages: 9, embedded: 6 });
    const vectorOf = (id: string) => [...passageWithVector(index.corpus, id, 8)!.vector];
    const original = index.corpus.passagesOf('f1');
    const copied = index.corpus.passagesOf('copy');
    expect(copied.map((p) => vectorOf(p.id))).toEqual(original.map((p) => vectorOf(p.id)));
  });

  it('adding one file to a 1,000-file corpus embeds only that file', async () => {
    const embedder = countingEmbedder();
    const first = await buildIndex(corpus, embedder);
    expect(first.report).toMatchObject({ documents: 1000, added: 1000, embedded: first.index.corpus.passageCount });

    embedder.texts.length = 0;
    const added = file(1000);
    const second = await buildIndex([...corpus, added], embedder, { previous: first.index.corpus, reuseDocuments: true });
    const addedPassages = second.index.corpus.passagesOf('f1000');
    expect(addedPassages.length).toBeGreaterThan(1);
    expect(second.report).toMatchObject({ documents: 1001, added: 1, changed: 0, removed: 0, unchanged: 1000, embedded: addedPassages.length });
    expect(embedder.texts.sort()).toEqual(addedPassages.map(embeddingText).sort());
    // Reused vectors are the ones the unchanged passages had before.
    const kept = first.index.corpus.passagesOf('f1')[1].id;
    expect([...passageWithVector(second.index.corpus, kept, 8)!.vector]).toEqual([...passageWithVector(first.index.corpus, kept, 8)!.vector]);
  });

  it('changing one paragraph re-embeds only the passages that hold it; deleting a file embeds nothing', async () => {
    const embedder = countingEmbedder();
    const small = corpus.slice(0, 20);
    const first = await buildIndex(small, embedder);
    const perFile = first.index.corpus.passagesOf('f3').length;

    embedder.texts.length = 0;
    const edited = small.map((f, i) => (i === 3 ? file(3, '（已修订）') : f));
    const second = await buildIndex(edited.slice(0, 19), embedder, { previous: first.index.corpus, reuseDocuments: true });
    expect(second.report).toMatchObject({ changed: 1, removed: 1, added: 0, unchanged: 18 });
    const before = new Set(allPassages(first.index.corpus).map(embeddingText));
    const changedPassages = allPassages(second.index.corpus).filter((p) => !before.has(embeddingText(p)));
    expect(second.report.embedded).toBe(changedPassages.length);
    expect(changedPassages.length).toBeGreaterThan(0);
    expect(changedPassages.length).toBeLessThan(perFile);
    expect(changedPassages.every((p) => p.docId === 'f3')).toBe(true);
    expect(embedder.texts.every((t) => t.includes('已修订'))).toBe(true);
    expect(second.index.corpus.passagesOf('f19')).toEqual([]);
    expect(allPassages(second.index.corpus).some((p) => p.docId === 'f19')).toBe(false);
  });

  it('building and saving give the event loop turns, so a server re-indexing in the background keeps answering', async () => {
    const building = await turnsDuring(() => buildIndex(corpus, countingEmbedder()));
    const built = building.result;
    // The counting embedder never leaves the microtask queue: every turn here was given by the insertion.
    expect(building.turns).toBeGreaterThanOrEqual(Math.floor(built.index.corpus.passageCount / INSERT_SLICE));
    const fingerprint = await fingerprintOf(corpus, 'counting', DEFAULT_CHUNKING);
    const saving = await turnsDuring(() => saveIndex(join(work, 'turns-index'), built.index, fingerprint));
    expect(saving.turns).toBeGreaterThanOrEqual(Math.floor(corpus.length / RECORD_SLICE) + FILES_SAVED);
  });
});

describeBackends('the engine re-indexing a folder', (backend) => {
  const corpusDir = join(work, `engine-corpus-${backend}`);
  const indexDir = join(work, `engine-index-${backend}`);
  mkdirSync(corpusDir);
  const write = (name: string, text: string) => writeFileSync(join(corpusDir, name), text);
  const open = () => openEngine({ indexBackend: backend, corpusDir, indexDir });
  const topDoc = async (engine: AnswerEngine, question: string) => (await engine.ask({ question, topK: 1 })).passages[0]?.docId;

  it('reports added, changed and removed files, answers from the new text and keeps it across a restart', async () => {
    write('bridge.md', '# 滏阳河大桥\n\n滏阳河大桥全长1200米，预计明年五月建成通车。\n');
    write('park.md', '# 湿地公园\n\n湿地公园占地3000亩，种植乔木两万株。\n');
    write('school.md', '# 实验学校\n\n实验学校新建教学楼一栋，可容纳学生1800名。\n');
    const engine = await open();
    expect(engine.buildReport).toMatchObject({ added: 3, documents: 3 });

    write('bridge.md', '# 滏阳河大桥\n\n滏阳河大桥全长1350米，预计后年十月建成通车。\n');
    write('library.md', '# 市图书馆\n\n市图书馆新馆藏书八十万册，周一闭馆。\n');
    rmSync(join(corpusDir, 'school.md'));
    const report = await engine.refresh();
    expect(report).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1, documents: 3, embedded: 2 });

    const bridge = await engine.ask({ question: '滏阳河大桥有多长?', topK: 1 });
    expect(bridge.answer?.text).toContain('1350米');
    expect(await topDoc(engine, '市图书馆藏书多少册?')).toBe('library');
    expect(engine.documents().map((d) => d.id).sort()).toEqual(['bridge', 'library', 'park']);
    expect(await engine.refresh()).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 3, embedded: 0 });

    const reopened = await open();
    expect(reopened.built).toBe(false);
    expect(await topDoc(reopened, '市图书馆藏书多少册?')).toBe('library');
  });

  it('catches up on changes made while it was not running, embedding only those', async () => {
    write('park.md', '# 湿地公园\n\n湿地公园占地3200亩，种植乔木两万五千株。\n');
    const engine = await open();
    expect(engine.buildReport).toMatchObject({ changed: 1, unchanged: 2, added: 0, removed: 0, embedded: 1 });
  });

  it('restarts on unchanged folders without reading their files, and reads them when anything about them changed', async () => {
    const logs: string[] = [];
    const openLogged = (ocr?: boolean) => openEngine({ indexBackend: backend, corpusDir, indexDir, log: (l) => logs.push(l), ...(ocr === undefined ? {} : { ocr }) });
    await open();
    expect((await openLogged()).built).toBe(false);
    expect(logs.join('\n')).toContain('index loaded (no file changed since it was built)');
    // Written again with the same text: the folders' snapshot differs, so the files are read, and the index is still current.
    logs.length = 0;
    const park = join(corpusDir, 'park.md');
    writeFileSync(park, readFileSync(park));
    expect((await openLogged()).built).toBe(false);
    expect(logs.join('\n')).toMatch(/index loaded: /);
    // Found unchanged, the folders' new digest is recorded: the next start reads nothing again.
    logs.length = 0;
    expect((await openLogged()).built).toBe(false);
    expect(logs.join('\n')).toContain('index loaded (no file changed since it was built)');
    // Reading images or not changes what the folders give: that too is no restart without reading.
    logs.length = 0;
    await openLogged(false);
    expect(logs.join('\n')).not.toContain('no file changed');
  });

  it('keeps answering from the complete old index while a re-index runs', async () => {
    const engine = await open();
    for (let i = 0; i < 6; i++) write(`extra-${i}.md`, `# 附加文件${i}\n\n第${i}个附加文件记录了社区活动${i * 7}次。\n`);
    const refreshing = engine.refresh();
    const during: number[] = [];
    let done = false;
    void refreshing.finally(() => (done = true));
    while (!done) {
      // A repeated question is answered from the query cache without leaving the microtask queue: let the re-index run.
      await new Promise((r) => setImmediate(r));
      const r = await engine.ask({ question: '湿地公园占地多少亩?', topK: 3 });
      during.push(r.passages.length);
      expect(r.passages.every((p) => engine.document(p.docId) !== undefined || p.docId.startsWith('extra-'))).toBe(true);
    }
    expect(during.length).toBeGreaterThan(0);
    expect((await refreshing).added).toBe(6);
    expect(engine.documents()).toHaveLength(9);
  });
});

describe('watching folders', () => {
  it('the folders\' digest, taken here or in a worker thread, changes when a corpus file is added, written or removed, and not for hidden or other files', async () => {
    const dir = join(work, 'snapshot');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    // Both kinds of look, each compared with the same kind from before.
    const look = async (roots = [dir]) => ({ here: (await snapshotFolders(roots, isCorpusFileName, 'reading')).digest, worker: await folderDigest(roots, 'reading') });
    const differ = (a: { here: string; worker: string }, b: { here: string; worker: string }) => a.here !== b.here && a.worker !== b.worker;
    const before = await look([dir, join(work, 'no-such-folder')]);
    writeFileSync(join(dir, 'sub', 'a.md'), '# 甲\n\n正文。\n');
    const added = await look();
    expect(differ(added, before)).toBe(true);
    writeFileSync(join(dir, '.hidden.md'), '隐藏');
    writeFileSync(join(dir, 'notes.key'), '别的');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'b.txt'), '隐藏目录');
    expect(await look()).toEqual(added);
    expect(await folderDigest([dir], 'another reading')).not.toBe(added.worker);
    // The worker reads the same files the same way: its digest is the one taken here.
    expect(added.worker).toBe(added.here);
    writeFileSync(join(dir, 'sub', 'a.md'), '# 甲\n\n改过的正文，长度也变了。\n');
    const written = await look();
    expect(differ(written, added)).toBe(true);
    rmSync(join(dir, 'sub', 'a.md'));
    expect(await look()).toEqual(before);
  });

  it('reports a change, and stays quiet while the folders are unchanged', async () => {
    const dir = join(work, 'burst');
    mkdirSync(dir);
    let calls = 0;
    const settle = () => new Promise((r) => setTimeout(r, 600));
    const watch = watchFolders([dir], () => calls++, { quietMs: 100, pollMs: 50 });
    try {
      await watch.ready;
      await settle();
      expect(calls).toBe(0);
      for (let i = 0; i < 5; i++) writeFileSync(join(dir, `f${i}.txt`), `第${i}个文件。`);
      await until(() => calls > 0, 10_000);
      await settle();
      calls = 0;
      await settle();
      expect(calls).toBe(0);
    } finally {
      await watch.close();
    }
  });
});

describe('watch mode', () => {
  it('a running server picks up an added, a changed and a deleted file without a restart', async () => {
    const corpusDir = join(work, 'watch-corpus');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'bridge.md'), '# 滏阳河大桥\n\n滏阳河大桥全长1200米，预计明年五月建成通车。\n');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = run('src/cli/serve.ts', ['--watch', '--corpus', corpusDir, '--index', join(work, 'watch-index'), '--uploads', join(work, 'watch-uploads'), '--port', String(port)]);
    const topOf = async (q: string) => {
      const res = await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}&topK=1`);
      expect(res.status).toBe(200);
      return (await res.json()) as { answer: { text: string; docId: string } | null };
    };
    try {
      await until(() => server.output().includes('ready'));
      expect(server.output()).toContain('watching');

      writeFileSync(join(corpusDir, 'museum.md'), '# 磁州窑博物馆\n\n磁州窑博物馆馆藏瓷器四千余件，每周二免费开放。\n');
      await until(async () => (await topOf('磁州窑博物馆馆藏瓷器多少件?')).answer?.docId === 'museum', 30_000);

      writeFileSync(join(corpusDir, 'bridge.md'), '# 滏阳河大桥\n\n滏阳河大桥全长1350米，预计后年十月建成通车。\n');
      await until(async () => (await topOf('滏阳河大桥全长多少米?')).answer?.text.includes('1350米') ?? false, 30_000);

      rmSync(join(corpusDir, 'museum.md'));
      await until(async () => (await (await fetch(`${base}/api/documents`)).json()).documents.length === 1, 30_000);
      expect(server.output()).toMatch(/index updated: 0 added, 0 changed, 1 removed/);
    } catch (err) {
      throw new Error(`${(err as Error).message}; server said:\n${server.output()}`);
    } finally {
      server.child.kill('SIGTERM');
      await server.exit;
    }
  });
});
