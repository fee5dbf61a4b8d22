// Watch mode on real folders: a symbolic link to an ancestor is not followed (the indexer does not
// follow links either), constant change still re-indexes within the maximum wait, and looking at a
// large folder takes only a share of the time.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { nextLookAfter, watchFolders } from '../../src/ingest/watch-folders.js';
import { until } from '../support/processes.js';

const root = mkdtempSync(join(tmpdir(), 'xunyuan-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('does not follow a symbolic link to an ancestor folder', async () => {
  const home = join(root, 'home');
  const corpus = join(home, '资料');
  mkdirSync(join(corpus, 'sub'), { recursive: true });
  mkdirSync(join(home, 'other'), { recursive: true });
  writeFileSync(join(corpus, 'a.md'), '# 甲\n\n正文。\n');
  symlinkSync(home, join(corpus, 'sub', 'home'));
  let calls = 0;
  const watch = watchFolders([corpus], () => calls++, { quietMs: 50, pollMs: 100 });
  try {
    await watch.ready;
    // Reachable from the corpus only through the link: not part of the corpus, not a change.
    writeFileSync(join(home, 'other', 'outside.md'), '# 外面\n\n不在语料里。\n');
    await pause(1_000);
    expect(calls).toBe(0);
    writeFileSync(join(corpus, 'b.md'), '# 乙\n\n新文件。\n');
    await until(() => calls === 1, 10_000);
  } finally {
    await watch.close();
  }
});

it('re-indexes within the maximum wait while a file keeps changing', async () => {
  const corpus = join(root, 'busy');
  mkdirSync(corpus);
  let calls = 0;
  const watch = watchFolders([corpus], () => calls++, { quietMs: 300, pollMs: 100, maxWaitMs: 800 });
  try {
    await watch.ready;
    const started = Date.now();
    writeFileSync(join(corpus, 'log.txt'), '日志\n');
    // A change every 100 ms never leaves 300 ms of quiet.
    while (calls === 0 && Date.now() - started < 5_000) {
      appendFileSync(join(corpus, 'log.txt'), `第${Date.now()}行。\n`);
      await pause(100);
    }
    expect(calls).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(3_000);
  } finally {
    await watch.close();
  }
});

it('looks at the folders every poll interval, or less often when one look takes long', () => {
  expect(nextLookAfter(2_000, 1)).toBe(2_000);
  // A look of 3 s (a million files' stats) spends at most a tenth of the time looking.
  expect(nextLookAfter(2_000, 3_000)).toBe(30_000);
  expect(nextLookAfter(50, 20)).toBeGreaterThanOrEqual(200);
});
