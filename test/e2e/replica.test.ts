// A writer and a replica on one index folder: the replica (REPLICA=1) never writes, serves the newest
// complete build and follows each new one, so a document added through the writer's API is answered
// by the replica within seconds, with no restart. The engine's case runs on every backend.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { freePort } from '../../src/server/free-port.js';
import { createApp } from '../../src/server/app.js';
import type { BackendName } from '../../src/search/index/backends.js';
import { BACKEND_UNDER_TEST, describeBackends, MODEL_DIR, openEngine, scratchDir, sharedEmbedder } from '../support/engines.js';
import { run, until } from '../support/processes.js';

const TOKEN = 'replica-test-token-0123';
const QUESTION = '新馆藏书多少册?';
const NOTICE = '# 图书馆通知\n\n市图书馆新馆将于下月十五日开馆，藏书八十万册。\n';

/** A writer engine over a one-file corpus with its index in `indexDir`, behind the app with its write API on. */
async function writer(indexDir: string, backend: BackendName = BACKEND_UNDER_TEST) {
  const work = scratchDir('writer');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, 'river.txt'), '# 滏阳河\n\n滏阳河在冀南新区境内全长约25公里。\n');
  const engine = await openEngine({ corpusDir, indexDir, uploadsDir: join(work, 'uploads'), indexBackend: backend });
  const app = createApp(() => engine, { adminToken: TOKEN });
  return async function addNotice() {
    const form = new FormData();
    form.append('file', new Blob([NOTICE]), '图书馆通知.md');
    const res = await app.request('/api/documents', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    expect(res.status).toBe(201);
  };
}

/** Polls until `answered` holds, and says how long that took from `since`. */
async function within(answered: () => Promise<boolean>, since: number): Promise<number> {
  await until(answered, 10_000);
  return Date.now() - since;
}

describeBackends('a replica', (backend) => {
  it('answers a document added through the writer within 5 s, without a restart, and never writes', async () => {
    const indexDir = join(scratchDir('replica'), 'index');
    const addNotice = await writer(indexDir, backend);
    const replica = await AnswerEngine.openReplica({ corpusDir: scratchDir('no-corpus'), indexDir, modelDir: MODEL_DIR, embedder: await sharedEmbedder() });
    try {
      expect((await replica.ask({ question: QUESTION })).answer).toBeNull();
      await expect(replica.refresh()).rejects.toThrow(/never writes/);
      expect(replica.uploadsDir).toBeUndefined();
      const added = Date.now();
      await addNotice();
      expect(await within(async () => (await replica.ask({ question: QUESTION })).answer?.text.includes('八十万册') ?? false, added)).toBeLessThan(5000);
    } finally {
      replica.close();
    }
  });
});

describe('a replica server', () => {
  it('runs as a server (`--replica`) that waits for the writer’s first index, then follows it', async () => {
    const indexDir = join(scratchDir('replica-server'), 'index');
    const port = await freePort();
    const server = run('src/cli/serve.ts', ['--replica', '--index', indexDir, '--port', String(port)], { INDEX_BACKEND: BACKEND_UNDER_TEST });
    const ask = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/ask?q=${encodeURIComponent(QUESTION)}`).catch(() => undefined);
      return res?.ok ? ((await res.json()) as { answer: { text: string } | null }) : undefined;
    };
    try {
      await until(() => server.output().includes('waiting for the writer'), 30_000);
      expect(await ask()).toBeUndefined();
      const addNotice = await writer(indexDir);
      await until(async () => (await ask()) !== undefined, 30_000);
      expect((await ask())!.answer).toBeNull();
      const added = Date.now();
      await addNotice();
      expect(await within(async () => (await ask())?.answer?.text.includes('八十万册') ?? false, added)).toBeLessThan(5000);
      expect(server.output()).toContain('now serving build-');
    } finally {
      server.child.kill('SIGTERM');
      await server.exit;
    }
  });
});
