// Faults as integration tests: broken or old index files, a crash in the middle of an index write,
// a missing or corrupt model, a port already taken, and a graceful stop. The server and the index
// builder run as real child processes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/server/free-port.js';
import { run, until } from '../support/processes.js';
import { MODEL_DIR, openEngine, SEEDS_DIR } from '../support/engines.js';

const work = mkdtempSync(join(tmpdir(), 'xunyuan-faults-'));
const corpusDir = join(work, 'corpus');
const indexDir = join(work, 'index');
const logs: string[] = [];
const open = () => openEngine({ corpusDir, indexDir, log: (l) => logs.push(l) });

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
const currentBuild = () => join(indexDir, readFileSync(join(indexDir, 'CURRENT'), 'utf8').trim());

// The first 80 lines of a seed page (the articles on the hospital and on ginger): every broken index
// below is rebuilt from scratch, so the corpus is kept small.
beforeAll(() => {
  mkdirSync(corpusDir);
  const page = readFileSync(join(SEEDS_DIR, '000_7fb4536401fc41c5.txt'), 'utf8');
  writeFileSync(join(corpusDir, 'page.txt'), page.split('\n').slice(0, 80).join('\n'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a broken index is detected and rebuilt, never served', () => {
  it.each([
    ['truncated vectors', () => writeFileSync(join(currentBuild(), 'vectors.f32'), readFileSync(join(currentBuild(), 'vectors.f32')).subarray(0, 1000)), 'vectors.f32 is corrupt'],
    ['an edited corpus table', () => writeFileSync(join(currentBuild(), 'corpus-table.json'), readFileSync(join(currentBuild(), 'corpus-table.json'), 'utf8').replace('"passages":', '"passages" :')), 'corpus-table.json is corrupt'],
    ['a missing data file', () => rmSync(join(currentBuild(), 'passages.jsonl')), 'passages.jsonl is missing'],
    ['a truncated data file', () => writeFileSync(join(currentBuild(), 'documents.jsonl'), readFileSync(join(currentBuild(), 'documents.jsonl')).subarray(0, 100)), 'documents.jsonl is corrupt'],
    ['an older format version', () => {
      const path = join(currentBuild(), 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8'));
      manifest.fingerprint.format = 0;
      writeFileSync(path, JSON.stringify(manifest));
    }, 'another version'],
    ['garbage in the manifest', () => writeFileSync(join(currentBuild(), 'manifest.json'), '{"fing'), 'manifest missing or unreadable'],
    ['a null manifest', () => writeFileSync(join(currentBuild(), 'manifest.json'), 'null'), 'manifest is malformed'],
    ['a manifest without its checksums', () => {
      const path = join(currentBuild(), 'manifest.json');
      const { checksums: _dropped, ...rest } = JSON.parse(readFileSync(path, 'utf8'));
      writeFileSync(path, JSON.stringify(rest));
    }, 'manifest is malformed'],
    ['a CURRENT pointing outside the index', () => writeFileSync(join(indexDir, 'CURRENT'), '../../etc'), 'CURRENT is corrupt'],
  ])('%s', async (_name, damage, reason) => {
    await open();
    damage();
    logs.length = 0;
    const engine = await open();
    expect(engine.built).toBe(true);
    expect(logs.filter((l) => l.startsWith('building the index')).join('\n')).toContain(reason);
    expect((await engine.ask({ question: '冀南新区人民医院项目总投资多少?' })).answer?.text).toContain('4.33亿元');
  });
});

describe('a record edited in place', () => {
  it('is refused with a clear error when it is read, and the rest of the index still answers', async () => {
    await open();
    // Same length, different figure: only the record's own check can tell (the data files are not read whole at opening).
    const path = join(currentBuild(), 'passages.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('4.33', '9.99'));
    const engine = await open();
    expect(engine.built).toBe(false);
    await expect(engine.ask({ question: '冀南新区人民医院项目总投资多少?' })).rejects.toThrow(/passages\.jsonl is corrupt .*delete the index folder .* to rebuild it/);
    expect(engine.document(engine.documents()[0].id)?.title).toBe(engine.documents()[0].title);
    // A rebuild does not reuse what failed its check: it parses and embeds that document again.
    const rebuilt = await openEngine({ corpusDir, indexDir, rebuild: true });
    expect((await rebuilt.ask({ question: '冀南新区人民医院项目总投资多少?' })).answer?.text).toContain('4.33亿元');
  });

  it('is not lent to a re-index, which builds from the files alone', async () => {
    await open();
    const path = join(currentBuild(), 'passages.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('4.33', '9.99'));
    const engine = await open();
    logs.length = 0;
    writeFileSync(join(corpusDir, 'added.txt'), '停水通知\n\n明天上午九点到十二点停水。\n');
    try {
      const report = await engine.refresh();
      expect(report.documents).toBe(2);
      expect(logs.join('\n')).toMatch(/passages\.jsonl is corrupt .*: building from the files alone/);
      expect((await engine.ask({ question: '冀南新区人民医院项目总投资多少?' })).answer?.text).toContain('4.33亿元');
    } finally {
      rmSync(join(corpusDir, 'added.txt'));
    }
  });
});

describe('a crash while the index is written', () => {
  it('kill -9 mid-write leaves an index that loads without rebuilding and answers as before', async () => {
    const previous = await open();
    const expected = (await previous.ask({ question: '磁县推广种植了多少亩生姜?' })).passages.map((p) => p.id);
    const before = readFileSync(join(indexDir, 'CURRENT'), 'utf8');
    // A forced rebuild of the same corpus (embeddings come from the cache, so it soon starts writing),
    // killed the moment its new build folder appears.
    const builder = run('src/cli/build-index.ts', ['--corpus', corpusDir, '--index', indexDir]);
    const watcher = watch(indexDir, (_event, name) => {
      if (name?.startsWith('build-') && !before.includes(name)) builder.child.kill('SIGKILL');
    });
    const code = await builder.exit;
    watcher.close();
    expect(code).toBeNull();
    const engine = await open();
    expect(engine.built).toBe(false);
    expect((await engine.ask({ question: '磁县推广种植了多少亩生姜?' })).passages.map((p) => p.id)).toEqual(expected);
  });
});

describe('the server process', () => {
  it('exits non-zero with a message naming the fix when the model is missing', async () => {
    const server = run('src/cli/serve.ts', ['--corpus', corpusDir, '--index', indexDir, '--port', String(await freePort())], { MODEL_DIR: join(work, 'no-model') });
    expect(await server.exit).not.toBe(0);
    expect(server.output()).toMatch(/model not found.*npm install.*MODEL_DIR/s);
    noStackTrace(server.output());
  });

  it('exits non-zero with a message when the model file is corrupt', async () => {
    const broken = join(work, 'broken-model');
    cpSync(MODEL_DIR, broken, { recursive: true });
    writeFileSync(join(broken, 'onnx', 'model_quantized.onnx'), 'not a model');
    const server = run('src/cli/serve.ts', ['--corpus', corpusDir, '--index', indexDir, '--port', String(await freePort())], { MODEL_DIR: broken });
    expect(await server.exit).not.toBe(0);
    expect(server.output()).toMatch(/model/i);
    expect(server.output()).toMatch(/npm install|MODEL_DIR/);
    noStackTrace(server.output());
  });

  it('exits non-zero with a clear message when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as AddressInfo).port;
    const server = run('src/cli/serve.ts', ['--corpus', corpusDir, '--index', indexDir, '--port', String(port)]);
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain(`port ${port} is already in use`);
    noStackTrace(server.output());
    taken.close();
  });

  it('on SIGTERM stops accepting, finishes the request in flight and exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = run('src/cli/serve.ts', ['--corpus', corpusDir, '--index', indexDir, '--port', String(port)]);
    await until(async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.status === 200);
    const inFlight = fetch(`${base}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ question: '冀南新区人民医院项目总投资多少?' }),
    });
    await new Promise((r) => setTimeout(r, 2));
    server.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await res.json()).answer.text).toContain('4.33亿元');
    expect(await server.exit).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

