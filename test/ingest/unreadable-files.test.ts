// One unreadable file or folder (chmod 000) is skipped with its reason; the rest of the folder is
// read. Permissions do not stop root, so as root the folder is read by a child process without the
// capabilities that let root ignore them (util-linux's setpriv): it then reads only what its owner may.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

/** Root reads anything through these two capabilities; without them a mode of 000 stops it too. */
const WITHOUT_OVERRIDES = ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--'];
const root = mkdtempSync(join(tmpdir(), 'xunyuan-unreadable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('skips an unreadable file and an unreadable folder, naming each, and reads the rest', () => {
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'ok'), { mode: 0o755 });
  mkdirSync(join(root, 'locked'), { mode: 0o755 });
  writeFileSync(join(root, 'ok', 'a.md'), '# 甲\n\n能读的文件。\n', { mode: 0o644 });
  writeFileSync(join(root, 'secret.txt'), '读不到的文件。\n', { mode: 0o644 });
  writeFileSync(join(root, 'locked', 'b.md'), '# 乙\n\n锁住的文件夹里的文件。\n', { mode: 0o644 });
  chmodSync(join(root, 'secret.txt'), 0o000);
  chmodSync(join(root, 'locked'), 0o000);
  const command = [process.execPath, '--import', 'tsx', 'test/support/read-folder.ts', root];
  if (process.getuid?.() === 0) command.unshift(...WITHOUT_OVERRIDES);
  const run = spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const { read, skipped } = JSON.parse(run.stdout.trim().split('\n').pop()!);
  expect(read).toEqual(['ok/a.md']);
  expect(skipped).toEqual(
    expect.arrayContaining([
      { path: 'secret.txt', reason: 'cannot be read: permission denied' },
      { path: 'locked/', reason: 'cannot be read: permission denied' },
    ]),
  );
});
