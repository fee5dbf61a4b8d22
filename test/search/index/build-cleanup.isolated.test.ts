// After a save, the store removes only what no reader can still use: a build replaced moments ago stays
// for replicas still serving it, one replaced long ago goes, and a folder that cannot be removed (a
// network file system holding it open) is left for later, never taking the new build with it.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHUNKING } from '../../../src/ingest/chunk-passages.js';
import type { SourceFile } from '../../../src/ingest/read-corpus.js';
import type { Embedder } from '../../../src/search/embed/embedder.js';
import { buildIndex } from '../../../src/search/index/build-index.js';
import { fingerprintOf } from '../../../src/search/index/fingerprint.js';
import { currentBuild, REPLACED_BUILD_GRACE_MS, saveIndex } from '../../../src/search/index/index-store.js';
import { scratchDir } from '../../support/engines.js';

/** Paths whose removal fails as on a network file system holding them open. */
const held = new Set<string>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const rmSync: typeof fs.rmSync = (path, options) => {
    if (held.has(String(path))) throw Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${String(path)}'`), { code: 'ENOTEMPTY' });
    return fs.rmSync(path, options);
  };
  return { ...fs, default: { ...fs, rmSync }, rmSync };
});

const embedder: Embedder = {
  fingerprint: 'fixed',
  dimensions: 4,
  embedQueries: async (qs) => qs.map(() => [1, 0, 0, 0]),
  embedPassages: async (texts) => texts.map(() => [1, 0, 0, 0]),
};
const files: SourceFile[] = [{ id: 'a', path: 'a.txt', name: 'a', text: '图书馆周六上午九点开门，下午五点闭馆。' }];

async function save(dir: string) {
  const { index } = await buildIndex(files, embedder);
  await saveIndex(dir, index, await fingerprintOf(files, embedder.fingerprint, DEFAULT_CHUNKING));
  const current = currentBuild(dir);
  if (!('build' in current)) throw new Error(current.reason);
  return current.build;
}

const builds = (dir: string) => readdirSync(dir).filter((e) => e.startsWith('build-'));

describe('removing replaced builds', () => {
  it('keeps builds replaced within the grace period (a replica may serve them), removes older ones', async () => {
    const dir = join(scratchDir('cleanup'), 'index');
    const first = await save(dir);
    const second = await save(dir);
    const third = await save(dir);
    // Before: only the one just replaced was kept, so `first` went while a replica could still be serving it.
    expect(builds(dir).sort()).toEqual([first, second, third].sort());
    const old = `build-${Date.now() - 2 * REPLACED_BUILD_GRACE_MS}-1`;
    const older = `build-${Date.now() - 3 * REPLACED_BUILD_GRACE_MS}-1`;
    mkdirSync(join(dir, old));
    mkdirSync(join(dir, older));
    const fourth = await save(dir);
    // `older` was replaced by `old` long ago; `old` was replaced by `first` just now.
    expect(existsSync(join(dir, older))).toBe(false);
    expect(existsSync(join(dir, old))).toBe(true);
    expect(readFileSync(join(dir, 'CURRENT'), 'utf8')).toBe(fourth);
  });

  it('a replaced build that cannot be removed stays for later, and CURRENT names a complete new build', async () => {
    const dir = join(scratchDir('cleanup'), 'index');
    const stuck = `build-${Date.now() - 3 * REPLACED_BUILD_GRACE_MS}-1`;
    mkdirSync(join(dir, stuck), { recursive: true });
    mkdirSync(join(dir, `build-${Date.now() - 2 * REPLACED_BUILD_GRACE_MS}-1`));
    held.add(join(dir, stuck));
    const current = await save(dir);
    expect(existsSync(join(dir, current, 'manifest.json'))).toBe(true);
    expect(existsSync(join(dir, stuck))).toBe(true);
    held.clear();
    await save(dir);
    expect(existsSync(join(dir, stuck))).toBe(false);
  });
});
