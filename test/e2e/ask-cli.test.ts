// `npm run ask` as a person runs it: the question in the terminal, or the API's JSON with --json.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copySeedIndex, scratchDir, SEEDS_DIR } from '../support/engines.js';
import { run } from '../support/processes.js';

const QUESTION = '冀南新区人民医院项目总投资多少?';

async function askCli(args: string[]) {
  const indexDir = join(scratchDir('ask-cli'), 'index');
  await copySeedIndex(indexDir);
  const child = run('src/cli/ask.ts', [...args, '--corpus', SEEDS_DIR, '--index', indexDir]);
  return { code: await child.exit, stdout: child.stdout() };
}

it('--json before the question prints the JSON answer to that question', async () => {
  const { code, stdout } = await askCli(['--json', QUESTION]);
  expect(code).toBe(0);
  const result = JSON.parse(stdout);
  expect(result.question).toBe(QUESTION);
  expect(result.answer.text).toContain('4.33亿元');
  expect(result.passages.length).toBeGreaterThan(0);
});

it('takes --context, --top-k and --doc as the API does, and refuses a bad one with the reason', async () => {
  const followUp = await askCli(['--json', '--context', '冀南新区人民医院投资多少?', '--top-k', '2', '那第一中学呢?']);
  expect(followUp.code).toBe(0);
  const result = JSON.parse(followUp.stdout);
  expect(result.followUpOf).toBe('冀南新区人民医院投资多少?');
  expect(result.passages).toHaveLength(2);
  const scoped = JSON.parse((await askCli(['--json', '--doc', result.passages[0].docId, QUESTION])).stdout);
  expect(new Set(scoped.passages.map((p: { docId: string }) => p.docId))).toEqual(new Set([result.passages[0].docId]));
  expect((await askCli(['--top-k', '99', QUESTION])).code).toBe(1);
  expect((await askCli(['--doc', 'no-such-doc', QUESTION])).code).toBe(1);
});

it('--help prints the options and exits 0', async () => {
  const { code, stdout } = await askCli(['--help']);
  expect(code).toBe(0);
  expect(stdout).toMatch(/--context[\s\S]*--top-k[\s\S]*--doc[\s\S]*--json/);
});

it('prints the answer with its phrase marked and, under it, where it is from', async () => {
  const { code, stdout } = await askCli([QUESTION]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/答：.*【4\.33亿元】.*\n——《[^》]+》 · 第\d+段\n {4}\/docs\//);
});
