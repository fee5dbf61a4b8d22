// A build that fails after LanceDB has written its staging table (the save hits a full disk) leaves no
// staging folder behind: each failed try would otherwise leave one more on the disk that is full.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { STAGING_PREFIX } from '../../src/search/index/index-store.js';
import { openEngine, scratchDir } from '../support/engines.js';

vi.mock('../../src/search/index/index-store.js', async (importOriginal) => {
  const store = await importOriginal<typeof import('../../src/search/index/index-store.js')>();
  return { ...store, saveIndex: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) };
});

it('removes the staging folder of a LanceDB build whose save fails', async () => {
  const work = scratchDir('failed-build');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, 'notice.txt'), '本周六图书馆闭馆一天，进行设备检修。');
  const indexDir = join(work, 'index');
  await expect(openEngine({ corpusDir, indexDir, indexBackend: 'lancedb', ocr: false })).rejects.toThrow(/ENOSPC/);
  expect(readdirSync(indexDir).filter((name) => name.startsWith(STAGING_PREFIX))).toEqual([]);
});
