// The listing of a LanceDB build's dataset: an update's copy keeps the checksums of the files it shares
// with the build it came from (hard links) and hashes every file Lance wrote or replaced, even one of
// the same name and size (Lance replaces its version hint, `{"version":4}` after `{"version":2}`).
import { linkSync, mkdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, listDataset } from '../../../src/search/index/lancedb/dataset-files.js';
import { scratchDir } from '../../support/engines.js';

describe('a dataset listing', () => {
  it('reuses a shared file’s checksum and hashes a replaced one of the same size again', async () => {
    const first = scratchDir('dataset-first');
    mkdirSync(join(first, 'data'));
    writeFileSync(join(first, 'data', 'a.lance'), 'rows');
    writeFileSync(join(first, 'hint.json'), '{"version":2}');
    const listed = await listDataset(first);
    checkDataset(first, listed);

    const copy = scratchDir('dataset-copy');
    mkdirSync(join(copy, 'data'));
    linkSync(join(first, 'data', 'a.lance'), join(copy, 'data', 'a.lance'));
    linkSync(join(first, 'hint.json'), join(copy, 'hint.json'));
    // Replaced as Lance replaces it: a new file renamed over the old name, the same size.
    writeFileSync(join(copy, 'hint.new'), '{"version":4}');
    renameSync(join(copy, 'hint.new'), join(copy, 'hint.json'));
    const relisted = await listDataset(copy, listed);
    expect(() => checkDataset(copy, relisted)).not.toThrow();
    const sha = (listing: Buffer, path: string) => (JSON.parse(listing.toString('utf8')) as { path: string; sha256: string }[]).find((f) => f.path === path)!.sha256;
    expect(sha(relisted, 'data/a.lance')).toBe(sha(listed, 'data/a.lance'));
    expect(sha(relisted, 'hint.json')).not.toBe(sha(listed, 'hint.json'));
    // And the build it came from is as it was.
    expect(() => checkDataset(first, listed)).not.toThrow();
  });

  it('hashes a file written since it was listed, and takes one of the listed size and time as listed', async () => {
    const folder = scratchDir('dataset-check');
    writeFileSync(join(folder, 'a.lance'), 'rows');
    const listed = await listDataset(folder);
    const { atime, mtime } = statSync(join(folder, 'a.lance'));
    // Rewritten in place, the same size: a new time of writing, so hashed, and refused.
    writeFileSync(join(folder, 'a.lance'), 'ROWS');
    utimesSync(join(folder, 'a.lance'), atime, new Date(mtime.getTime() + 5000));
    expect(() => checkDataset(folder, listed)).toThrow(/lancedb\/a\.lance is corrupt/);
    // Copied back without its time (as a copy to another machine is): hashed, and the same.
    writeFileSync(join(folder, 'a.lance'), 'rows');
    utimesSync(join(folder, 'a.lance'), atime, new Date(mtime.getTime() + 5000));
    expect(() => checkDataset(folder, listed)).not.toThrow();
    // A different size is refused without hashing, whatever its time.
    writeFileSync(join(folder, 'a.lance'), 'rows!');
    utimesSync(join(folder, 'a.lance'), atime, mtime);
    expect(() => checkDataset(folder, listed)).toThrow(/corrupt/);
  });
});
