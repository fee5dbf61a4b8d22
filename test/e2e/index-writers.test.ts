// One writer per index folder: `npm run index` refuses at once, naming the holder, while another
// process holds the folder's write lock; two run at once never leave a broken index; a lock left by
// a dead process is taken over.
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockIndexFolder } from '../../src/search/index/index-lock.js';
import { copySeedIndex, openEngine, scratchDir, SEEDS_DIR } from '../support/engines.js';
import { run } from '../support/processes.js';

const indexCli = (indexDir: string) => run('src/cli/build-index.ts', ['--corpus', SEEDS_DIR, '--index', indexDir]);

async function seedIndexCopy(): Promise<string> {
  const indexDir = join(scratchDir('writers'), 'index');
  await copySeedIndex(indexDir);
  return indexDir;
}

describe('the index folder takes one writer', () => {
  it('refuses a second writer at once, naming the one holding the lock', async () => {
    const indexDir = await seedIndexCopy();
    const release = lockIndexFolder(indexDir);
    try {
      const second = indexCli(indexDir);
      expect(await second.exit).not.toBe(0);
      expect(second.output()).toMatch(new RegExp(`being written by process ${process.pid} on `));
    } finally {
      release();
    }
    const after = indexCli(indexDir);
    expect(await after.exit).toBe(0);
  });

  it('leaves a whole index when two indexers run at once', async () => {
    const indexDir = await seedIndexCopy();
    const both = [indexCli(indexDir), indexCli(indexDir)];
    const codes = await Promise.all(both.map((b) => b.exit));
    expect(codes).toContain(0);
    both.forEach((b, i) => {
      if (codes[i] !== 0) expect(b.output()).toMatch(/being written by process/);
    });
    const engine = await openEngine({ corpusDir: SEEDS_DIR, indexDir });
    expect(engine.built).toBe(false);
    expect((await engine.ask({ question: '冀南新区人民医院项目总投资多少?' })).answer?.text).toContain('4.33亿元');
  });

  it('takes over a lock left by a process that died', async () => {
    const indexDir = await seedIndexCopy();
    // A pid far above any this machine has handed out: nobody holds it.
    writeFileSync(join(indexDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), command: 'npm run index', since: '2026-01-01T00:00:00Z' }));
    const release = lockIndexFolder(indexDir);
    release();
    expect(await indexCli(indexDir).exit).toBe(0);
  });

  it('takes over a lock left with this very pid by an earlier process (a restarted container)', () => {
    const indexDir = join(scratchDir('writers'), 'index');
    lockIndexFolder(indexDir);
    // What the earlier process left: its pid is this one's, its token is not.
    writeFileSync(join(indexDir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), command: 'npm start', since: '2026-01-01T00:00:00Z', token: 'earlier' }));
    const release = lockIndexFolder(indexDir);
    expect(() => lockIndexFolder(indexDir)).toThrow(/being written by process/);
    release();
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
  });

  it('takes over an empty lock file left by a holder that could not write itself (a full disk), but not a fresh one', () => {
    const indexDir = join(scratchDir('writers'), 'index');
    lockIndexFolder(indexDir)();
    writeFileSync(join(indexDir, LOCK_FILE), '');
    expect(() => lockIndexFolder(indexDir)).toThrow(/being written by another process/);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(join(indexDir, LOCK_FILE), minuteAgo, minuteAgo);
    const release = lockIndexFolder(indexDir);
    release();
    expect(existsSync(join(indexDir, LOCK_FILE))).toBe(false);
  });
});
