// An index on object storage (INDEX_DIR=s3://…), against a local s3rver: a writer builds and publishes,
// two replicas that share nothing with it but the bucket serve its builds, LanceDB's dataset read where
// it lies, and a document uploaded through the writer is answered by both within 10 s; a replica server
// started with INDEX_DIR=s3://… serves it too.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { createApp } from '../../src/server/app.js';
import { currentBuild } from '../../src/search/index/index-store.js';
import { IndexLockedError } from '../../src/search/index/index-lock.js';
import { RemoteIndex } from '../../src/search/index/object-store/remote-index.js';
import { REMOTE_FOLDER_FILE } from '../../src/search/index/passage-index.js';
import { MODEL_DIR, openEngine, scratchDir, sharedEmbedder } from '../support/engines.js';
import { run, until } from '../support/processes.js';
import { freePort } from '../../src/server/free-port.js';
import { startS3Server, TEST_BUCKET } from '../support/s3-server.js';

const TOKEN = 'object-store-test-token';
const QUESTION = '新馆藏书多少册?';
const NOTICE = '# 图书馆通知\n\n市图书馆新馆将于下月十五日开馆，藏书八十万册。\n';

let s3: Awaited<ReturnType<typeof startS3Server>>;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3.stop());

describe('an index on object storage', () => {
  it('is built by a writer and served by two replicas, which answer an upload through the writer within 10 s', async () => {
    const url = `s3://${TEST_BUCKET}/teams/docs`;
    const work = scratchDir('s3-writer');
    const corpusDir = join(work, 'corpus');
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, 'river.txt'), '# 滏阳河\n\n滏阳河在冀南新区境内全长约25公里。\n');
    const writer = await openEngine({ corpusDir, uploadsDir: join(work, 'uploads'), indexDir: join(work, 'index'), objectStore: url, indexBackend: 'lancedb' });
    const replicaDirs = [join(scratchDir('s3-replica'), 'index'), join(scratchDir('s3-replica'), 'index')];
    const embedder = await sharedEmbedder();
    const replicas = await Promise.all(
      replicaDirs.map((indexDir) => AnswerEngine.openReplica({ corpusDir: scratchDir('no-corpus'), indexDir, objectStore: url, modelDir: MODEL_DIR, embedder })),
    );
    try {
      for (const replica of replicas) {
        expect((await replica.ask({ question: '滏阳河在冀南新区境内有多长?' })).answer?.text).toContain('25公里');
        expect((await replica.ask({ question: QUESTION })).answer).toBeNull();
      }
      // The replicas copied the small files and left LanceDB's dataset on the store.
      for (const dir of replicaDirs) {
        const serving = currentBuild(dir);
        if (!('build' in serving)) throw new Error(serving.reason);
        expect(existsSync(join(dir, serving.build, 'lancedb'))).toBe(false);
        expect(existsSync(join(dir, serving.build, REMOTE_FOLDER_FILE))).toBe(true);
      }
      const app = createApp(() => writer, { adminToken: TOKEN });
      const form = new FormData();
      form.append('file', new Blob([NOTICE]), '图书馆通知.md');
      const added = Date.now();
      expect((await app.request('/api/documents', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form })).status).toBe(201);
      await until(async () => {
        const answers = await Promise.all(replicas.map((r) => r.ask({ question: QUESTION })));
        return answers.every((a) => a.answer?.text.includes('八十万册'));
      }, 10_000);
      expect(Date.now() - added).toBeLessThan(10_000);
      // A replica server started from the command line, as the README says: INDEX_DIR is the URL.
      const port = await freePort();
      const server = run('src/cli/serve.ts', ['--replica', '--port', String(port)], { INDEX_DIR: url, INDEX_CACHE_DIR: join(scratchDir('s3-server'), 'copy') });
      try {
        const ask = async () => {
          const res = await fetch(`http://127.0.0.1:${port}/api/ask?q=${encodeURIComponent(QUESTION)}`).catch(() => undefined);
          return res?.ok ? ((await res.json()) as { answer: { text: string } | null }) : undefined;
        };
        await until(async () => (await ask()) !== undefined, 60_000);
        expect((await ask())!.answer?.text).toContain('八十万册');
      } finally {
        server.child.kill('SIGTERM');
        await server.exit;
      }
    } finally {
      for (const replica of replicas) replica.close();
      writer.close();
    }
  });

  it('lets one writer at a time hold the store, and takes over a lease its holder stopped renewing', async () => {
    const remote = new RemoteIndex(`s3://${TEST_BUCKET}/locked`, scratchDir('s3-lock'));
    const other = new RemoteIndex(`s3://${TEST_BUCKET}/locked`, scratchDir('s3-lock'));
    try {
      const release = await remote.lock();
      await expect(other.lock()).rejects.toThrow(IndexLockedError);
      await expect(other.lock()).rejects.toThrow(/is being written by process \d+ on /);
      await release();
      const releaseOther = await other.lock();
      // A lease last renewed long ago was left by a writer that died.
      await other.store.put('write.lock', JSON.stringify({ pid: 1, host: 'gone', command: 'x', since: '2020-01-01T00:00:00Z', token: 'old', renewed: '2020-01-01T00:00:00Z' }));
      await (await remote.lock())();
      await releaseOther();
    } finally {
      remote.close();
      other.close();
    }
  });

  it('publishes a build even when the builds it replaced cannot be removed, and says so', async () => {
    const localDir = scratchDir('s3-publish');
    const logged: string[] = [];
    const remote = new RemoteIndex(`s3://${TEST_BUCKET}/publish`, localDir, process.env, (line) => logged.push(line));
    try {
      mkdirSync(join(localDir, 'build-1-1'), { recursive: true });
      writeFileSync(join(localDir, 'build-1-1', 'manifest.json'), '{}');
      // As s3rver 3.7.1 fails listing past 1,000 objects under Node 20 (its continuation token is DES).
      remote.store.list = async () => {
        throw new Error('We encountered an internal error. Please try again.');
      };
      await remote.publish('build-1-1');
      expect((await remote.store.get('CURRENT'))?.toString('utf8')).toBe('build-1-1');
      expect(await remote.store.get('builds/build-1-1/manifest.json')).toBeDefined();
      expect(logged).toEqual([expect.stringMatching(/published build-1-1, but the builds it replaced were not removed \(We encountered an internal error/)]);
    } finally {
      remote.close();
    }
  });

  it('says why when nothing is published yet, and refuses a corrupt pointer', async () => {
    const remote = new RemoteIndex(`s3://${TEST_BUCKET}/empty`, scratchDir('s3-empty'));
    try {
      expect(await remote.pull()).toEqual({ reason: `no index published in s3://${TEST_BUCKET}/empty yet` });
      await remote.store.put('CURRENT', '../../etc');
      expect(await remote.pull()).toEqual({ reason: `index pointer s3://${TEST_BUCKET}/empty/CURRENT is corrupt` });
    } finally {
      remote.close();
    }
  });
});
