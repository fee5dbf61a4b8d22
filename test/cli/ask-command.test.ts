// `npm run ask` run in-process: its arguments, its refusals and what it prints. One real process is
// started in `test/e2e/ask-cli.test.ts`.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { askCommand } from '../../src/cli/ask-command.js';
import { copySeedIndex, scratchDir, SEEDS_DIR, sharedEmbedder } from '../support/engines.js';

const QUESTION = '冀南新区人民医院项目总投资多少?';

/** What the command printed, over a copy of the seed index; rejects as the command does. */
async function ask(args: string[], tty = false): Promise<string> {
  const indexDir = join(scratchDir('ask-command'), 'index');
  await copySeedIndex(indexDir);
  const lines: string[] = [];
  await askCommand([...args, '--corpus', SEEDS_DIR, '--index', indexDir], { out: (l) => lines.push(l), log: () => {}, tty, embedder: await sharedEmbedder() }, {});
  return lines.join('\n');
}

it('takes --context, --top-k and --doc as the API does, and refuses a bad one with the reason', async () => {
  const result = JSON.parse(await ask(['--json', '--context', '冀南新区人民医院投资多少?', '--top-k', '2', '那第一中学呢?']));
  expect(result.followUpOf).toBe('冀南新区人民医院投资多少?');
  expect(result.passages).toHaveLength(2);
  const scoped = JSON.parse(await ask(['--json', '--doc', result.passages[0].docId, QUESTION]));
  expect(new Set(scoped.passages.map((p: { docId: string }) => p.docId))).toEqual(new Set([result.passages[0].docId]));
  await expect(ask(['--top-k', '99', QUESTION])).rejects.toThrow(/--top-k must be a whole number from 1 to 20, not 99/);
  await expect(ask(['--doc', 'no-such-doc', QUESTION])).rejects.toThrow(/no document with id no-such-doc/);
  await expect(ask([])).rejects.toThrow(/no question given/);
});

it('--help prints the options', async () => {
  expect(await ask(['--help'])).toMatch(/--context[\s\S]*--top-k[\s\S]*--doc[\s\S]*--json/);
});

it('prints the answer with its phrase marked and, under it, where it is from, and every score part of each passage', async () => {
  const text = await ask([QUESTION]);
  expect(text).toMatch(/答：.*【4\.33亿元】.*\n——《[^》]+》 · 第\d+段\n {4}\/docs\//);
  expect(text).toMatch(/\[1\] .*\(score [0-9.]+: keyword [0-9.]+ · vector [0-9.]+(?: · \w+ -?[0-9.]+)*\)/);
  expect(await ask([QUESTION], true)).toContain('\x1b[1;33m4.33亿元\x1b[0m');
});
