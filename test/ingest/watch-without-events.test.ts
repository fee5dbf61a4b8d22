// Some file systems (network mounts, some containers and sandboxes) deliver no change events at
// all, and very large folders are watched without them. Watch mode must still see changes there, from
// its periodic snapshots of the folders.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { afterAll, expect, it } from 'vitest';
import { watchFolders } from '../../src/ingest/watch-folders.js';
import { until } from '../support/processes.js';

/** A watcher that gets ready and then never reports anything, as on a file system without events. */
function silentWatcher(): FSWatcher {
  const silent = new EventEmitter();
  setImmediate(() => silent.emit('ready'));
  return Object.assign(silent, { close: async () => {} }) as unknown as FSWatcher;
}

const dir = mkdtempSync(join(tmpdir(), 'xunyuan-no-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('sees an added, a changed and a removed file with no file-system events', async () => {
  let calls = 0;
  const watch = watchFolders([dir], () => calls++, { quietMs: 50, pollMs: 50, eventSource: silentWatcher });
  try {
    await watch.ready;
    writeFileSync(join(dir, 'a.md'), '# 甲\n\n正文。\n');
    await until(() => calls === 1, 10_000);
    writeFileSync(join(dir, 'a.md'), '# 甲\n\n改过的正文，更长一些。\n');
    await until(() => calls === 2, 10_000);
    rmSync(join(dir, 'a.md'));
    await until(() => calls === 3, 10_000);
  } finally {
    await watch.close();
  }
});

it('asks for no events past its file limit, and its looks still see changes', async () => {
  const large = mkdtempSync(join(tmpdir(), 'xunyuan-no-events-large-'));
  writeFileSync(join(large, 'a.md'), '# 甲\n\n正文。\n');
  let asked = 0;
  const counting = () => {
    asked++;
    return silentWatcher();
  };
  let calls = 0;
  const watch = watchFolders([large], () => calls++, { quietMs: 50, pollMs: 50, eventSource: counting, eventsMaxFiles: 1 });
  try {
    expect(await watch.ready).toEqual({ events: true });
    expect(asked).toBe(1);
    writeFileSync(join(large, 'b.md'), '# 乙\n\n又一篇。\n');
    await until(() => calls === 1, 10_000);
  } finally {
    await watch.close();
  }
  // One file more than the limit: no events asked for from the start.
  const again = watchFolders([large], () => {}, { pollMs: 50, eventSource: counting, eventsMaxFiles: 1 });
  expect(await again.ready).toEqual({ events: false });
  await again.close();
  expect(asked).toBe(1);
  rmSync(large, { recursive: true, force: true });
});
