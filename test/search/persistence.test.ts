import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { indexBackend } from '../../src/search/index/backends.js';
import { describeBackends, openEngine } from '../support/engines.js';

describeBackends('persistence', (backend) => {
  const work = mkdtempSync(join(tmpdir(), 'xunyuan-persist-'));
  const corpusDir = join(work, 'corpus');
  const indexDir = join(work, 'index');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, 'a.txt'), '# 磁县生姜\n\n磁县推广种植生姜1000余亩,带动500余名群众就近就业。一亩生姜的产量是4000公斤。\n');
  writeFileSync(join(corpusDir, 'b.md'), '# 滏阳河\n\n滏阳河在冀南新区境内全长约25公里,河堤边坡比达1:6。\n');

  const open = () => openEngine({ indexBackend: backend, corpusDir, indexDir });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('index persistence', () => {
    it('builds once, then loads without rebuilding and answers the same', async () => {
      const first = await open();
      expect(first.built).toBe(true);
      const before = await first.ask({ question: '滏阳河有多长?' });
      const second = await open();
      expect(second.built).toBe(false);
      const after = await second.ask({ question: '滏阳河有多长?' });
      expect(after.passages.map((p) => [p.id, p.score])).toEqual(before.passages.map((p) => [p.id, p.score]));
      expect(after.answer?.text).toContain('25公里');
    });

    it('switching the corpus folder back and forth loads each folder’s own index, never rebuilding one', async () => {
      const other = join(work, '另一个文件夹');
      mkdirSync(other);
      writeFileSync(join(other, 'c.txt'), '# 图书馆\n\n市图书馆新馆藏书八十万册。\n');
      const indexOf = (folder: string) => loadConfig(['--corpus', folder], { INDEX_DIR: undefined }).indexDir;
      expect(indexOf(other)).not.toBe(indexOf(corpusDir));
      try {
        const opened = [];
        for (const folder of [corpusDir, other, corpusDir, other]) opened.push((await openEngine({ indexBackend: backend, corpusDir: folder, indexDir: indexOf(folder) })).built);
        expect(opened).toEqual([true, true, false, false]);
      } finally {
        for (const folder of [corpusDir, other]) rmSync(indexOf(folder), { recursive: true, force: true });
      }
    });

    it('rebuilds an index of an earlier format from its stored vectors, embedding nothing again', async () => {
      await open();
      const manifestPath = join(indexDir, readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim(), 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      manifest.fingerprint.format = 3;
      delete manifest.fingerprint.backend;
      writeFileSync(manifestPath, JSON.stringify(manifest));
      const engine = await open();
      expect(engine.built).toBe(true);
      expect(engine.buildReport?.embedded).toBe(0);
      expect((await engine.ask({ question: '滏阳河有多长?' })).answer?.text).toContain('25公里');
    });

    it('rebuilds when a corpus file changes', async () => {
      writeFileSync(join(corpusDir, 'a.txt'), '# 磁县生姜\n\n磁县推广种植生姜2000余亩。\n');
      const engine = await open();
      expect(engine.built).toBe(true);
      expect((await engine.ask({ question: '磁县种了多少亩生姜?' })).passages[0].text).toContain('2000余亩');
      expect((await open()).built).toBe(false);
    });

    it('rebuilds when the chunker changes', async () => {
      const engine = await openEngine({ indexBackend: backend, corpusDir, indexDir, chunking: { maxChars: 40, overlapSentences: 0 } });
      expect(engine.built).toBe(true);
    });

    it('rebuilds a build whose manifest disagrees with its data (dimensions 1024 for 512-wide vectors)', async () => {
      await open();
      const manifestPath = join(indexDir, readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim(), 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      manifest.dimensions = 1024;
      writeFileSync(manifestPath, JSON.stringify(manifest));
      const engine = await open();
      expect(engine.built).toBe(true);
      expect((await engine.ask({ question: '滏阳河有多长?' })).answer?.text).toContain('25公里');
    });

    // The Lance dataset is LanceDB's own; Orama has no files beside those the store checks.
    if (backend === 'lancedb') {
      it('detects a damaged file inside the Lance dataset and rebuilds instead of serving it', async () => {
        await open();
        const dataset = join(indexDir, readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim(), 'lancedb');
        const files = readdirSync(dataset, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.lance'));
        expect(files.length).toBeGreaterThan(0);
        const path = join(files[0].parentPath, files[0].name);
        const bytes = readFileSync(path);
        bytes[Math.floor(bytes.length / 2)] ^= 0xff;
        writeFileSync(path, bytes);
        const engine = await open();
        expect(engine.built).toBe(true);
        expect((await engine.ask({ question: '滏阳河有多长?' })).answer?.text).toContain('25公里');
      });
    }

    it('detects a corrupt index file of the backend and rebuilds instead of serving it', async () => {
      await open();
      const build = readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim();
      const file = join(indexDir, build, (await indexBackend(backend)).files[0]);
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
      const engine = await open();
      expect(engine.built).toBe(true);
      expect((await engine.ask({ question: '滏阳河有多长?' })).answer?.text).toContain('25公里');
    });
  });
});
